package org.onestop.live;

import java.time.Instant;

/**
 * One event of a topic. Durable events carry their topic's gap-free {@code seq}; ephemeral ones
 * (counts that are sent as absolute values) carry seq 0. {@code data} is already-encoded JSON.
 */
public record LiveEvent(String topic, long seq, String type, Instant ts, String data) {

    public boolean durable() {
        return seq > 0;
    }
}
