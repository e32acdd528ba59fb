package org.onestop.mygov.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.ProblemException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The notification centre of the signed-in person: newest first, with what is unread. */
@RestController
class NotificationsController {

    /** One notification; {@code seq} is its place on the user topic, the unit of the read position. */
    record NotificationView(long seq, String id, String kind, String title, String link, Instant createdAt, boolean read) {
    }

    record NotificationPage(List<NotificationView> items, int page, int size, long total, long unread, long readSeq) {
    }

    /** Marks read up to {@code upTo} (a seq), or everything when it is absent. */
    record ReadRequest(Long upTo) {
    }

    record ReadView(long readSeq, long unread) {
    }

    private final NotificationStore store;
    private final JsonMapper json;
    private final Clock clock;

    NotificationsController(NotificationStore store, JsonMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/me/notifications")
    Mono<NotificationPage> page(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal PortalUser user) {
        PageQuery query = PageQuery.of(page, size);
        return store.readSeq(user.id()).flatMap(readSeq -> store.page(user.id(), query.size(), query.offset())
                .map(stored -> view(stored, readSeq))
                .collectList()
                .zipWith(store.counts(user.id(), readSeq))
                .map(t -> new NotificationPage(t.getT1(), query.page(), query.size(), t.getT2().total(), t.getT2().unread(),
                        readSeq)));
    }

    @PostMapping("/api/me/notifications/read")
    Mono<ReadView> read(@RequestBody(required = false) ReadRequest request, @AuthenticationPrincipal PortalUser user) {
        long upTo = request == null || request.upTo() == null ? Long.MAX_VALUE : request.upTo();
        if (upTo < 0) {
            throw ProblemException.invalid("upTo", "range");
        }
        return store.markRead(user.id(), upTo, clock.instant())
                .flatMap(readSeq -> store.counts(user.id(), readSeq).map(c -> new ReadView(readSeq, c.unread())));
    }

    private NotificationView view(NotificationStore.Stored stored, long readSeq) {
        var node = json.readTree(stored.data());
        var createdAt = node.path("createdAt");
        return new NotificationView(stored.seq(), node.path("id").asString(null), node.path("kind").asString(null),
                node.path("title").asString(null), node.path("link").asString(null),
                createdAt.isString() ? Instant.parse(createdAt.asString()) : stored.ts(), stored.seq() <= readSeq);
    }
}
