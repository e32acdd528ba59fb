package org.onestop.mygov.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.onestop.live.LivePublisher;
import org.onestop.mygov.records.PersonalRecords;
import org.onestop.mygov.records.RecordType;
import org.onestop.mygov.records.RecordsProperties;
import org.onestop.platform.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * New records for record subscriptions: department systems cannot tell the portal, so a bounded
 * number of due subscriptions is polled per scan, each through the same connector (and audit
 * trail) as the person's own queries. A record is new when it was issued on or after the day the
 * subscription was made; the delivery key makes it new only once.
 */
@Component
class RecordPoll {

    static final String SOURCE = "records";
    private static final Logger log = LoggerFactory.getLogger(RecordPoll.class);
    private static final int CONCURRENCY = 4;

    private final SubscriptionStore subscriptions;
    private final PersonalRecords records;
    private final RecordsProperties properties;
    private final LivePublisher publisher;
    private final Deliveries deliveries;
    private final Clock clock;

    RecordPoll(SubscriptionStore subscriptions, PersonalRecords records, RecordsProperties properties, LivePublisher publisher,
            Deliveries deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.records = records;
        this.properties = properties;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Returns the number of new deliveries. */
    Mono<Integer> poll() {
        Instant now = clock.instant();
        return subscriptions.claimDue(now.minus(properties.pollInterval()), now, properties.pollBatch())
                .flatMap(this::newRecords, CONCURRENCY)
                .collectList()
                .flatMap(pending -> pending.isEmpty() ? Mono.just(0)
                        : publisher.write(events -> deliveries.deliver(events, SOURCE, "mygov." + SOURCE, pending)));
    }

    private Flux<Deliveries.Pending> newRecords(SubscriptionStore.Due due) {
        RecordType type = RecordType.of(due.recordType()).orElse(null);
        if (type == null) {
            return Flux.empty();
        }
        LocalDate since = LocalDate.ofInstant(due.createdAt(), CityTime.ZONE);
        Frequency frequency = Frequency.of(due.frequency()).orElseThrow();
        return records.forSubscriber(due.userId(), type)
                .flatMapIterable(list -> list.records())
                .filter(r -> r.issuedAt() != null && !r.issuedAt().isBefore(since))
                .map(r -> new Deliveries.Pending(due.userId(), type.code() + ":" + r.id(), type.nameZh() + "：" + r.title(),
                        "/me/?record=" + type.code() + "#records", frequency))
                .onErrorResume(e -> {
                    // The poll is stamped already: this subscription is tried again after the poll interval.
                    log.info("Polling {} records for subscription {} failed: {}", type.code(), due.id(), e.toString());
                    return Flux.empty();
                });
    }
}
