package org.onestop.mygov.subscriptions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onestop.live.LivePublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One pass over one {@link UpdateSource}: under the source's lock, read the items after the saved
 * position, deliver each to its subscribers, and save the new position, all in one transaction,
 * so the position moves exactly when the deliveries are committed.
 */
@Component
class SourceScan {

    private final LivePublisher publisher;
    private final ScanStore scans;
    private final SubscriptionStore subscriptions;
    private final Deliveries deliveries;
    private final Clock clock;

    SourceScan(LivePublisher publisher, ScanStore scans, SubscriptionStore subscriptions, Deliveries deliveries, Clock clock) {
        this.publisher = publisher;
        this.scans = scans;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Returns the number of new deliveries; 0 when another node holds the source's lock. */
    Mono<Integer> scan(UpdateSource source, int limit) {
        return publisher.write(events -> scans.tryLock("source:" + source.name())
                .filter(Boolean::booleanValue)
                .flatMap(locked -> scans.position(source.name())
                        // First run: start from now, so what was published before the scanner existed is not news.
                        .switchIfEmpty(source.latest().flatMap(latest -> scans.save(source.name(), latest, clock.instant())).then(Mono.empty())))
                .flatMap(position -> source.after(position, limit))
                .flatMap(batch -> match(batch.items())
                        .flatMap(pending -> deliveries.deliver(events, source.name(), kindOf(source), pending))
                        .flatMap(count -> scans.save(source.name(), batch.position(), clock.instant()).thenReturn(count)))
                .defaultIfEmpty(0));
    }

    private static String kindOf(UpdateSource source) {
        return "mygov." + source.name();
    }

    /** Each subscriber of each item once, at the most frequent of their subscriptions matching it. */
    private Mono<List<Deliveries.Pending>> match(List<UpdateSource.Found> items) {
        List<UpdateSource.Target> targets = items.stream().flatMap(i -> i.targets().stream()).distinct().toList();
        return subscriptions.matching(targets).collectList().map(matches -> {
            Map<UpdateSource.Target, List<SubscriptionStore.Match>> byTarget = new HashMap<>();
            for (SubscriptionStore.Match m : matches) {
                byTarget.computeIfAbsent(new UpdateSource.Target(TargetKind.of(m.kind()).orElseThrow(), m.target()), t -> new ArrayList<>())
                        .add(m);
            }
            List<Deliveries.Pending> pending = new ArrayList<>();
            for (UpdateSource.Found item : items) {
                Map<Long, Frequency> best = new HashMap<>();
                for (UpdateSource.Target target : item.targets()) {
                    for (SubscriptionStore.Match m : byTarget.getOrDefault(target, List.of())) {
                        Frequency f = Frequency.of(m.frequency()).orElseThrow();
                        best.merge(m.userId(), f, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                    }
                }
                best.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> pending.add(new Deliveries.Pending(e.getKey(), item.key(), item.title(), item.link(), e.getValue())));
            }
            pending.sort(Comparator.comparing(Deliveries.Pending::userId));
            return pending;
        });
    }
}
