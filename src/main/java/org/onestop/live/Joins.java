package org.onestop.live;

import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Joining a topic, the same for WebSocket and SSE: authorise, validate {@code since}, attach to
 * the hub (holding live events back), then send the snapshot or replay the log, then go live.
 */
@Component
class Joins {

    private final TopicPolicies policies;
    private final TopicHub hub;
    private final EventLog log;

    Joins(TopicPolicies policies, TopicHub hub, EventLog log) {
        this.policies = policies;
        this.hub = hub;
        this.log = log;
    }

    /** Checks the join; errors with {@link JoinError} carrying the protocol code. */
    Mono<TopicPolicy> authorise(String topic, Long since, PortalUser user) {
        TopicPolicy policy = policies.find(topic);
        if (policy == null) {
            return Mono.error(new JoinError("unknown_topic", "No such topic"));
        }
        return policy.access(topic, user).flatMap(access -> switch (access) {
            case UNKNOWN -> Mono.error(new JoinError("unknown_topic", "No such topic"));
            case FORBIDDEN -> Mono.error(new JoinError("forbidden", "You may not join this topic"));
            case ALLOWED -> since == null ? Mono.just(policy) : log.latest(topic).flatMap(latest -> since > latest
                    ? Mono.<TopicPolicy>error(new JoinError("bad_since", "since is beyond the latest seq " + latest))
                    : Mono.just(policy));
        }).flatMap(allowed -> allowed.joined(topic, user).thenReturn(allowed));
    }

    /**
     * Attaches the subscription and sends what comes before live delivery. {@code beforeFirst}
     * runs right after attaching (the join reply, which the protocol puts first); {@code snapshot}
     * turns a snapshot into this transport's frame.
     */
    Mono<Void> start(TopicPolicy policy, TopicSubscription subscription, Long since, Runnable beforeFirst,
            SnapshotFrames snapshot) {
        hub.attach(subscription);
        beforeFirst.run();
        String topic = subscription.topic();
        if (since == null) {
            // Checked after attaching: a reusable snapshot is one no delivered event has passed.
            TopicPolicy.Snapshot cached = hub.reusableSnapshot(topic);
            Mono<TopicPolicy.Snapshot> read = cached != null ? Mono.just(cached)
                    : policy.snapshot(topic).doOnNext(fresh -> hub.rememberSnapshot(topic, fresh));
            return read.doOnNext(s -> {
                        subscription.outbox().offer(snapshot.encode(topic, s));
                        hub.ready(subscription, s.seq());
                    })
                    .then();
        }
        long[] sent = {since};
        return log.latest(topic)
                .flatMapMany(latest -> log.range(topic, since, latest))
                .concatMap(event -> subscription.outbox().roomForMore().thenReturn(event))
                .doOnNext(event -> {
                    subscription.outbox().offer(subscription.bytes(EncodedEvent.of(event)));
                    sent[0] = event.seq();
                })
                .then(Mono.fromRunnable(() -> hub.ready(subscription, sent[0])));
    }

    void leave(TopicSubscription subscription) {
        hub.detach(subscription);
    }

    /** Encodes a snapshot for one transport. */
    interface SnapshotFrames {
        byte[] encode(String topic, TopicPolicy.Snapshot snapshot);
    }
}
