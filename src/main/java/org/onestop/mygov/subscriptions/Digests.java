package org.onestop.mygov.subscriptions;

import java.time.Clock;
import java.time.Instant;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserNotification;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sums up each person's daily or weekly deliveries once their period has ended: one digest and one
 * notification per person, frequency and period. The unique digest row and the deliveries marked
 * with it commit with the notification, so a second run (or a second node) finds nothing to do.
 */
@Component
class Digests {

    static final String KIND = "mygov.digest";

    private final LivePublisher publisher;
    private final ScanStore scans;
    private final DigestStore store;
    private final Clock clock;

    Digests(LivePublisher publisher, ScanStore scans, DigestStore store, Clock clock) {
        this.publisher = publisher;
        this.scans = scans;
        this.store = store;
        this.clock = clock;
    }

    /** Returns the number of digest notifications sent. */
    Mono<Integer> run(int limit) {
        Instant now = clock.instant();
        return publisher.write(events -> scans.tryLock("digests")
                .filter(Boolean::booleanValue)
                .flatMapMany(locked -> store.due(now, limit))
                .concatMap(group -> store.make(group, now)
                        .flatMap(made -> store.attach(group, made.id())
                                .then(made.created() ? notify(events, group, made.id(), now).thenReturn(1) : Mono.just(0))))
                .reduce(0, Integer::sum));
    }

    private static Mono<?> notify(LivePublisher.Events events, DigestStore.Group group, long digestId, Instant now) {
        String which = Frequency.DAILY.code().equals(group.frequency()) ? "每日" : "每周";
        String title = which + "订阅摘要（" + group.period() + "）：共 " + group.items() + " 条更新";
        return new UserNotification("mygov-digest-" + digestId, KIND, title, "/me/?digest=" + digestId + "#notifications", now)
                .sendTo(group.userId(), events);
    }
}
