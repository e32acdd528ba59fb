package org.onestop.live;

import java.util.Set;
import org.onestop.security.PortalUser;
import reactor.core.publisher.Mono;

/**
 * What a feature tells the hub about the topics it owns: who may join, the snapshot a viewer
 * gets on joining without {@code since}, and the current value of coalesced ephemeral state.
 */
public interface TopicPolicy {

    enum Access { ALLOWED, FORBIDDEN, UNKNOWN }

    /** Whether this policy owns the topic name (by its prefix and shape). */
    boolean owns(String topic);

    /** May this caller (null when anonymous) join? UNKNOWN when no such topic exists. */
    Mono<Access> access(String topic, PortalUser user);

    /** The topic's current state and the seq it corresponds to, read consistently. */
    Mono<Snapshot> snapshot(String topic);

    /** Called once a viewer (null when anonymous) has been allowed to join. */
    default Mono<Void> joined(String topic, PortalUser user) {
        return Mono.empty();
    }

    /** Whether viewers of this topic are counted and announced. */
    default boolean countsViewers(String topic) {
        return false;
    }

    /** Called with the cross-node viewer total when it changes. */
    default Mono<Void> viewersObserved(String topic, long total) {
        return Mono.empty();
    }

    /** The JSON data of a coalesced ephemeral event for the keys that changed. */
    default Mono<String> coalesced(String topic, String type, Set<String> keys) {
        return Mono.empty();
    }

    /** A snapshot: the state as JSON, valid as of {@code seq}. */
    record Snapshot(long seq, String data) {
    }
}
