package org.onestop.live;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This node's topics: for every topic with local viewers it keeps one Redis subscription, one
 * ordered delivery pipeline (with gap backfill from the event log) and the set of viewers. A
 * topic with no local viewers costs nothing.
 */
@Component
public class TopicHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TopicHub.class);

    private final Map<String, LocalTopic> topics = new ConcurrentHashMap<>();
    private final String nodeId = UUID.randomUUID().toString();
    private final EventLog eventLog;
    private final RedisRelay relay;
    private final TopicPolicies policies;
    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;
    private final Disposable.Composite timers = Disposables.composite();

    TopicHub(EventLog eventLog, RedisRelay relay, TopicPolicies policies, ReactiveStringRedisTemplate redis,
            LiveProperties properties, Clock clock) {
        this.eventLog = eventLog;
        this.relay = relay;
        this.policies = policies;
        this.redis = redis;
        this.clock = clock;
        timers.add(Flux.interval(properties.pollInterval())
                .subscribe(tick -> topics.values().forEach(LocalTopic::poll)));
        timers.add(Flux.interval(properties.coalesceInterval())
                .subscribe(tick -> topics.values().forEach(LocalTopic::flushDirty)));
        Duration every = properties.viewerInterval();
        // A tick that finds the previous exchange still running is dropped, not queued: a slow
        // Redis must delay the counts, never stop the timer.
        timers.add(Flux.interval(every)
                .onBackpressureDrop()
                .concatMap(tick -> Flux.fromIterable(topics.values())
                        .concatMap(topic -> exchangeViewerCount(topic).timeout(every.multipliedBy(2))
                                .onErrorResume(e -> {
                                    log.debug("Viewer count exchange of {} failed: {}", topic.name, e.toString());
                                    return Mono.empty();
                                })), 1)
                .subscribe());
    }

    /** Adds a viewer to a topic, starting this node's pipeline for it on the first one. */
    void attach(TopicSubscription subscription) {
        topics.compute(subscription.topic(), (name, existing) -> {
            LocalTopic topic = existing != null ? existing : new LocalTopic(name, this);
            topic.add(subscription);
            return topic;
        });
    }

    /** A snapshot of the topic that a viewer attached now may reuse, or null (read a fresh one). */
    TopicPolicy.Snapshot reusableSnapshot(String topic) {
        LocalTopic local = topics.get(topic);
        return local == null ? null : local.reusableSnapshot();
    }

    void rememberSnapshot(String topic, TopicPolicy.Snapshot snapshot) {
        LocalTopic local = topics.get(topic);
        if (local != null) {
            local.rememberSnapshot(snapshot);
        }
    }

    /** The viewer's snapshot or replay is out: live events follow from after {@code seq}. */
    void ready(TopicSubscription subscription, long seq) {
        LocalTopic local = topics.get(subscription.topic());
        if (local != null) {
            local.ready(subscription, seq);
        }
    }

    void detach(TopicSubscription subscription) {
        topics.computeIfPresent(subscription.topic(), (name, topic) -> {
            if (topic.remove(subscription)) {
                topic.stop();
                return null;
            }
            return topic;
        });
    }

    /** Hands an event committed on this node straight to local viewers, ahead of the Redis round trip. */
    void deliverLocal(String topic, EncodedEvent event) {
        LocalTopic local = topics.get(topic);
        if (local != null) {
            local.accept(event);
        }
    }

    void markDirtyLocal(String topic, String type, String key) {
        LocalTopic local = topics.get(topic);
        if (local != null) {
            local.markDirty(type, key);
        }
    }

    /** Viewers of the topic across all nodes, as last exchanged; 0 when unknown. */
    public long viewers(String topic) {
        LocalTopic local = topics.get(topic);
        return local == null ? 0 : Math.max(local.totalViewers, local.subscribers.size());
    }

    private Mono<Void> exchangeViewerCount(LocalTopic topic) {
        TopicPolicy policy = policies.find(topic.name);
        if (policy == null || !policy.countsViewers(topic.name)) {
            return Mono.empty();
        }
        String key = "onestop:viewers:" + topic.name;
        long now = clock.millis();
        return redis.opsForHash().put(key, nodeId, topic.subscribers.size() + ":" + now)
                .then(redis.expire(key, Duration.ofMinutes(5)))
                .thenMany(redis.opsForHash().values(key))
                .map(value -> value.toString().split(":"))
                // A node that stopped reporting (crashed) drops out after a few intervals.
                .filter(parts -> now - Long.parseLong(parts[1]) < 5_000)
                .map(parts -> Long.parseLong(parts[0]))
                .reduce(0L, Long::sum)
                .flatMap(total -> {
                    if (total == topic.totalViewers) {
                        return Mono.empty();
                    }
                    topic.totalViewers = total;
                    topic.accept(EncodedEvent.of(new LiveEvent(topic.name, 0, "viewers", clock.instant(),
                            "{\"count\":" + total + "}")));
                    return policy.viewersObserved(topic.name, total);
                });
    }

    @Override
    public void destroy() {
        timers.dispose();
        topics.values().forEach(LocalTopic::stop);
        topics.clear();
    }

    EventLog eventLog() {
        return eventLog;
    }

    RedisRelay relay() {
        return relay;
    }

    TopicPolicies policies() {
        return policies;
    }

    Clock clock() {
        return clock;
    }
}
