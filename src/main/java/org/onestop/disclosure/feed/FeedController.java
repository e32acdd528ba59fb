package org.onestop.disclosure.feed;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Public Atom feeds of the newest published documents, per department (code or id) and per category (code). */
@RestController("disclosureFeedController")
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final Feeds feeds;

    FeedController(Feeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/api/disclosure/feeds/departments/{department}")
    Mono<ResponseEntity<String>> department(@PathVariable String department, ServerHttpRequest request) {
        return feeds.department(department, base(request)).map(FeedController::atom);
    }

    @GetMapping("/api/disclosure/feeds/categories/{category}")
    Mono<ResponseEntity<String>> category(@PathVariable String category, ServerHttpRequest request) {
        return feeds.category(category, base(request)).map(FeedController::atom);
    }

    private static ResponseEntity<String> atom(String body) {
        return ResponseEntity.ok().contentType(ATOM).body(body);
    }

    /** Scheme, host and port the request came in on (after any forwarded-header handling). */
    private static String base(ServerHttpRequest request) {
        return UriComponentsBuilder.fromUri(request.getURI()).replacePath(null).replaceQuery(null).fragment(null)
                .build().toUriString();
    }
}
