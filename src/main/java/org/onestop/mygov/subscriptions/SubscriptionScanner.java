package org.onestop.mygov.subscriptions;

import java.time.Duration;
import java.util.List;
import org.onestop.platform.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a scan every interval on each node: every update source, then due record subscriptions,
 * then digests whose period has ended. Safe on several nodes: a source and the digests are each
 * worked under a PostgreSQL advisory lock that a busy node skips, record subscriptions are claimed
 * with SKIP LOCKED, and every delivery has a unique key, so nothing is told twice.
 */
@Component
class SubscriptionScanner extends PeriodicTask {

    /** What one scan did: new deliveries and digests sent. */
    record Outcome(int delivered, int digests) {
    }

    private static final Logger log = LoggerFactory.getLogger(SubscriptionScanner.class);
    private final List<UpdateSource> sources;
    private final SourceScan sourceScan;
    private final RecordPoll recordPoll;
    private final Digests digests;
    private final ScanProperties properties;

    SubscriptionScanner(List<UpdateSource> sources, SourceScan sourceScan, RecordPoll recordPoll, Digests digests,
            ScanProperties properties) {
        this.sources = sources;
        this.sourceScan = sourceScan;
        this.recordPoll = recordPoll;
        this.digests = digests;
        this.properties = properties;
    }

    Mono<Outcome> scan() {
        Mono<Integer> found = Flux.fromIterable(sources)
                .concatMap(source -> sourceScan.scan(source, properties.batch()).onErrorResume(e -> failed(source.name(), e)))
                .concatWith(Mono.defer(() -> recordPoll.poll().onErrorResume(e -> failed(RecordPoll.SOURCE, e))))
                .reduce(0, Integer::sum);
        return found.flatMap(delivered -> digests.run(properties.batch())
                .onErrorResume(e -> failed("digests", e))
                .map(sent -> new Outcome(delivered, sent)));
    }

    private static Mono<Integer> failed(String what, Throwable e) {
        log.warn("Subscription scan of {} failed; the next scan tries again: {}", what, e.toString());
        return Mono.just(0);
    }

    @Override
    protected Duration interval() {
        return properties.interval();
    }

    @Override
    protected Mono<?> runOnce() {
        return scan();
    }
}
