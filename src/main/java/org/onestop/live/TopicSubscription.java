package org.onestop.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One viewer's membership of one topic. While the viewer is joining (snapshot or replay under
 * way) live events are held back; then they are released after the replayed ones, skipping any
 * seq already sent, so the seam between replay and live has no gap and no duplicate.
 */
final class TopicSubscription {

    private final String topic;
    private final Outbox outbox;
    private final boolean sse;
    private List<EncodedEvent> held = new ArrayList<>();
    private long lastSent = -1;

    TopicSubscription(String topic, Outbox outbox, boolean sse) {
        this.topic = topic;
        this.outbox = outbox;
        this.sse = sse;
    }

    String topic() {
        return topic;
    }

    Outbox outbox() {
        return outbox;
    }

    synchronized void deliver(EncodedEvent event) {
        if (held != null) {
            // Ephemeral values are absolute: the next one replaces any missed while joining.
            if (event.durable()) {
                held.add(event);
            }
            return;
        }
        send(event);
    }

    /** Sends one event of the replay (called in order, before {@link #live}). */
    synchronized void replay(EncodedEvent event) {
        send(event);
    }

    /** The snapshot or replay is out: from now on events flow, starting after {@code seq}. */
    synchronized void live(long seq) {
        lastSent = Math.max(lastSent, seq);
        List<EncodedEvent> pending = held;
        held = null;
        pending.sort(Comparator.comparingLong(EncodedEvent::seq));
        pending.forEach(this::send);
    }

    private void send(EncodedEvent event) {
        if (event.durable()) {
            if (event.seq() <= lastSent) {
                return;
            }
            lastSent = event.seq();
        }
        outbox.offer(sse ? event.sse() : event.frame());
    }
}
