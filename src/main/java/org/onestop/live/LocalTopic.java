package org.onestop.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * One topic on one node. Everything that may deliver to its viewers (Redis messages, local
 * commits, log polls, coalesced and viewer-count frames) goes through one serial pipeline, which
 * keeps durable events in seq order, drops duplicates, and fills gaps from the event log.
 */
final class LocalTopic {

    private static final Logger log = LoggerFactory.getLogger(LocalTopic.class);
    private static final Duration RESUBSCRIBE_MIN = Duration.ofMillis(200);
    private static final Duration RESUBSCRIBE_MAX = Duration.ofSeconds(2);

    final String name;
    final Set<TopicSubscription> subscribers = ConcurrentHashMap.newKeySet();
    /** The subscribers by event loop: one task per loop per event reaches all of them. */
    private final Map<Executor, Set<TopicSubscription>> byLoop = new ConcurrentHashMap<>();
    private final Set<TopicSubscription> inline = ConcurrentHashMap.newKeySet();
    volatile long totalViewers;

    private final TopicHub hub;
    private final Sinks.Many<Object> inbox = Sinks.many().unicast().onBackpressureBuffer();
    private final Map<String, Set<String>> dirty = new ConcurrentHashMap<>();
    private final Disposable.Composite running = Disposables.composite();
    /** The last durable seq handed to viewers; written only by the pipeline, read by joins. */
    private volatile long lastSeq = -1;
    /** The last snapshot read for a joining viewer, reused while no event has passed it. */
    private volatile TopicPolicy.Snapshot snapshot;

    private record Poll() {
    }

    private record Flush(String type, Set<String> keys) {
    }

    /** A joining viewer has been sent everything up to seq. */
    private record Ready(TopicSubscription subscription, long seq) {
    }

    LocalTopic(String name, TopicHub hub) {
        this.name = name;
        this.hub = hub;
        running.add(hub.relay().subscribe(name)
                .flatMapMany(messages -> messages)
                // Redis may be away when the topic is first joined, or drop the subscription later:
                // keep trying, so the relay comes back with Redis (the log fills the gap meanwhile).
                .doOnError(e -> log.warn("Redis subscription of {} failed, retrying: {}", name, e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, RESUBSCRIBE_MIN).maxBackoff(RESUBSCRIBE_MAX))
                .subscribe(m -> {
                    if (m.dirtyNotice()) {
                        markDirty(m.type(), new String(m.body(), StandardCharsets.UTF_8));
                    } else {
                        accept(new EncodedEvent(m.seq(), m.type(), m.body()));
                    }
                }, e -> log.warn("Redis subscription of {} ended: {}", name, e.toString())));
        running.add(hub.eventLog().latest(name)
                .doOnNext(seq -> lastSeq = seq)
                .thenMany(inbox.asFlux().concatMap(this::process))
                .subscribe(null, e -> log.error("Delivery pipeline of {} failed", name, e)));
    }

    void add(TopicSubscription subscription) {
        subscribers.add(subscription);
        group(subscription).add(subscription);
    }

    /** Removes the subscription; true when the topic has no viewers left on this node. */
    boolean remove(TopicSubscription subscription) {
        subscribers.remove(subscription);
        group(subscription).remove(subscription);
        return subscribers.isEmpty();
    }

    private Set<TopicSubscription> group(TopicSubscription s) {
        return s.loop() == null ? inline : byLoop.computeIfAbsent(s.loop(), loop -> ConcurrentHashMap.newKeySet());
    }

    /**
     * A snapshot a viewer attached after this call may start from: valid only while nothing has
     * been delivered after it, because every later event then reaches the new viewer live.
     */
    TopicPolicy.Snapshot reusableSnapshot() {
        TopicPolicy.Snapshot cached = snapshot;
        return cached != null && cached.seq() == lastSeq ? cached : null;
    }

    void rememberSnapshot(TopicPolicy.Snapshot fresh) {
        TopicPolicy.Snapshot cached = snapshot;
        if (cached == null || fresh.seq() >= cached.seq()) {
            snapshot = fresh;
        }
    }

    void accept(EncodedEvent event) {
        emit(event);
    }

    void poll() {
        emit(new Poll());
    }

    /** Hands a joined viewer over to live delivery, in order with the events of this topic. */
    void ready(TopicSubscription subscription, long seq) {
        emit(new Ready(subscription, seq));
    }

    void markDirty(String type, String key) {
        dirty.computeIfAbsent(type, t -> ConcurrentHashMap.newKeySet()).add(key);
    }

    void flushDirty() {
        for (String type : dirty.keySet()) {
            Set<String> keys = dirty.remove(type);
            if (keys != null && !keys.isEmpty()) {
                emit(new Flush(type, new HashSet<>(keys)));
            }
        }
    }

    void stop() {
        running.dispose();
        synchronized (inbox) {
            inbox.tryEmitComplete();
        }
    }

    private void emit(Object item) {
        synchronized (inbox) {
            inbox.tryEmitNext(item);
        }
    }

    private Mono<Void> process(Object item) {
        return switch (item) {
            case EncodedEvent e when !e.durable() -> fanOut(e);
            case EncodedEvent e -> e.seq() <= lastSeq ? Mono.empty()
                    : backfill(e.seq() - 1).then(Mono.defer(() -> e.seq() == lastSeq + 1 ? fanOutDurable(e) : Mono.empty()));
            case Ready r -> {
                // On the viewer's own loop, after every delivery already handed to it.
                TopicSubscription viewer = r.subscription();
                if (viewer.loop() == null) {
                    viewer.live(r.seq());
                } else {
                    viewer.loop().execute(() -> viewer.live(r.seq()));
                }
                yield Mono.empty();
            }
            case Poll p -> hub.eventLog().latest(name).flatMap(this::backfill)
                    .onErrorResume(err -> Mono.empty());
            case Flush f -> {
                // Coalesced values (votes) are part of the snapshot but move no seq: forget it.
                snapshot = null;
                TopicPolicy policy = hub.policies().find(name);
                yield policy == null ? Mono.empty() : policy.coalesced(name, f.type(), f.keys())
                        .flatMap(data -> fanOut(EncodedEvent.of(new LiveEvent(name, 0, f.type(), hub.clock().instant(), data))))
                        .onErrorResume(err -> Mono.empty());
            }
            default -> Mono.empty();
        };
    }

    /** Delivers, from the log, every event after the last delivered one up to {@code until}. */
    private Mono<Void> backfill(long until) {
        if (until <= lastSeq) {
            return Mono.empty();
        }
        return hub.eventLog().range(name, lastSeq, until)
                .concatMap(e -> e.seq() == lastSeq + 1 ? fanOutDurable(EncodedEvent.of(e)) : Mono.empty())
                .then();
    }

    private Mono<Void> fanOutDurable(EncodedEvent e) {
        lastSeq = e.seq();
        return fanOut(e);
    }

    /**
     * Hands the event to every viewer. Viewers are grouped by their connection's event loop and
     * each loop gets one task for all of its viewers, so each write happens on the loop that owns
     * the socket instead of crossing threads once per viewer.
     */
    private Mono<Void> fanOut(EncodedEvent e) {
        for (TopicSubscription s : inline) {
            s.deliver(e);
        }
        byLoop.forEach((loop, viewers) -> loop.execute(() -> {
            for (TopicSubscription s : viewers) {
                s.deliver(e);
            }
        }));
        return Mono.empty();
    }
}
