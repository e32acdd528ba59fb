package org.onestop.live;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * How features write: a change and the durable events recording it commit in one transaction;
 * only after the commit is each event published, once, to this node's viewers and to Redis.
 */
@Component
public class LivePublisher {

    private final EventLog log;
    private final TopicHub hub;
    private final RedisRelay relay;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final Clock clock;

    LivePublisher(EventLog log, TopicHub hub, RedisRelay relay, TransactionalOperator tx, JsonMapper json, Clock clock) {
        this.log = log;
        this.hub = hub;
        this.relay = relay;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** Collects the events appended inside one write's transaction. */
    public final class Events {
        private final List<LiveEvent> appended = new ArrayList<>();

        /** Appends a durable event (data is serialised to JSON) to the topic's log. */
        public Mono<LiveEvent> append(String topic, String type, Object data) {
            return log.append(topic, type, json.writeValueAsString(data), clock.instant())
                    .doOnNext(event -> {
                        synchronized (appended) {
                            appended.add(event);
                        }
                    });
        }

        /**
         * Appends many events in two statements whatever their number (see
         * {@link EventLog#appendAll}): for writes that batch many requests in one transaction.
         */
        public Mono<List<LiveEvent>> appendAll(List<EventDraft> drafts) {
            List<String> data = drafts.stream().map(draft -> json.writeValueAsString(draft.data())).toList();
            return log.appendAll(drafts, data, clock.instant())
                    .collectList()
                    .doOnNext(events -> {
                        synchronized (appended) {
                            appended.addAll(events);
                        }
                    });
        }
    }

    /** Runs {@code work} in a transaction, then publishes the events it appended. */
    public <T> Mono<T> write(Function<Events, Mono<T>> work) {
        return Mono.defer(() -> {
            Events events = new Events();
            return tx.transactional(Mono.defer(() -> work.apply(events)))
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(result -> publish(events.appended).then(Mono.justOrEmpty(result)));
        });
    }

    /** Sends an ephemeral event (absolute values, no seq) to every node's viewers of the topic. */
    public Mono<Void> ephemeral(String topic, String type, Object data) {
        return publish(List.of(new LiveEvent(topic, 0, type, clock.instant(), json.writeValueAsString(data))));
    }

    /**
     * Notes that a coalesced value (a question's votes) changed: every node sends the topic's
     * changed values at most once per coalescing interval, read fresh through its policy.
     */
    public Mono<Void> changed(String topic, String type, String key) {
        hub.markDirtyLocal(topic, type, key);
        return relay.publishDirty(topic, type, key);
    }

    private Mono<Void> publish(List<LiveEvent> events) {
        return Mono.defer(() -> {
            List<Mono<Void>> sends = new ArrayList<>(events.size());
            for (LiveEvent event : events) {
                EncodedEvent encoded = EncodedEvent.of(event);
                hub.deliverLocal(event.topic(), encoded);
                sends.add(relay.publish(event.topic(), encoded));
            }
            // Subscribed in this order on the one shared connection, the PUBLISH commands leave in
            // order and pipelined: a batch of events costs one round trip to Redis, not one each.
            return Mono.when(sends);
        });
    }
}
