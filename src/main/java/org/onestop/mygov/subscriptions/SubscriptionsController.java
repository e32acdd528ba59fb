package org.onestop.mygov.subscriptions;

import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in person's subscriptions, what can be subscribed to, and their digests. */
@RestController
class SubscriptionsController {

    private final Subscriptions subscriptions;
    private final SubscriptionOptions options;
    private final DigestStore digests;

    SubscriptionsController(Subscriptions subscriptions, SubscriptionOptions options, DigestStore digests) {
        this.subscriptions = subscriptions;
        this.options = options;
        this.digests = digests;
    }

    @GetMapping("/api/me/subscriptions")
    Mono<List<Subscription>> mine(@AuthenticationPrincipal PortalUser user) {
        return subscriptions.mine(user.id()).collectList();
    }

    @GetMapping("/api/me/subscriptions/options")
    Mono<SubscriptionOptions.Options> options() {
        return options.options(subscriptions.availableKinds());
    }

    @PostMapping("/api/me/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Subscription> create(@RequestBody(required = false) SubscriptionRequest request, @AuthenticationPrincipal PortalUser user) {
        return subscriptions.create(user.id(), request);
    }

    @PutMapping("/api/me/subscriptions/{id}")
    Mono<Subscription> change(@PathVariable long id, @RequestBody(required = false) SubscriptionRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return subscriptions.changeFrequency(user.id(), id, request);
    }

    @DeleteMapping("/api/me/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return subscriptions.delete(user.id(), id);
    }

    @GetMapping("/api/me/digests/{id}")
    Mono<DigestStore.Digest> digest(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return digests.own(user.id(), id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("digest", id)));
    }
}
