package org.onestop.servicehall;

import java.util.List;
import org.onestop.web.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public catalogue: listings with filters and facet counts, guides, life events and headline figures. */
@RestController
class ServiceController {

    private final Catalogue catalogue;

    ServiceController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Filters arrive as text so that a bad value becomes a field problem, not a bare type error. */
    @GetMapping("/api/services")
    Mono<ServiceViews.Listing> list(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
            @RequestParam(required = false) String audience, @RequestParam(required = false) String lifeEvent,
            @RequestParam(required = false) String depth, @RequestParam(required = false) String online,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return catalogue.list(q, department, audience, lifeEvent, depth, online, PageQuery.of(page, size));
    }

    @GetMapping("/api/services/stats")
    Mono<ServiceViews.Stats> stats() {
        return catalogue.stats();
    }

    @GetMapping("/api/services/life-events")
    Mono<List<ServiceViews.ConceptRef>> lifeEvents() {
        return catalogue.lifeEvents().collectList();
    }

    @GetMapping("/api/services/{code}")
    Mono<ServiceViews.Guide> guide(@PathVariable String code) {
        return catalogue.guide(code);
    }
}
