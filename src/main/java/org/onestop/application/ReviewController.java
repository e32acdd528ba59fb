package org.onestop.application;

import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.security.PortalUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The owning department's queue and review actions. */
@RestController
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/applications/review")
    Mono<PageResponse<ApplicationViews.Summary>> queue(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PortalUser.required().flatMap(u -> reviews.queue(u, status, PageQuery.of(page, size)));
    }

    @PostMapping("/api/applications/{id}/accept")
    Mono<ApplicationViews.Detail> accept(@PathVariable long id, @RequestBody(required = false) ApplicationViews.ReviewRequest body) {
        return PortalUser.required().flatMap(u -> reviews.accept(id, body, u));
    }

    @PostMapping("/api/applications/{id}/supplement")
    Mono<ApplicationViews.Detail> supplement(@PathVariable long id, @RequestBody ApplicationViews.ReviewRequest body) {
        return PortalUser.required().flatMap(u -> reviews.supplement(id, body, u));
    }

    @PostMapping("/api/applications/{id}/approve")
    Mono<ApplicationViews.Detail> approve(@PathVariable long id, @RequestBody(required = false) ApplicationViews.ReviewRequest body) {
        return PortalUser.required().flatMap(u -> reviews.approve(id, body, u));
    }

    @PostMapping("/api/applications/{id}/reject")
    Mono<ApplicationViews.Detail> reject(@PathVariable long id, @RequestBody ApplicationViews.ReviewRequest body) {
        return PortalUser.required().flatMap(u -> reviews.reject(id, body, u));
    }

    @PostMapping("/api/applications/{id}/result")
    Mono<ApplicationViews.Detail> issueResult(@PathVariable long id) {
        return PortalUser.required().flatMap(u -> reviews.issueResult(id, u));
    }
}
