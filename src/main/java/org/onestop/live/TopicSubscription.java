package org.onestop.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One viewer's membership of one topic. While the viewer is joining (snapshot or replay under
 * way) live events, durable and ephemeral, are held back; once the join is out, they are released after it, skipping any
 * seq already sent, so the seam between replay and live has no gap and no duplicate.
 *
 * <p>Its state is touched only in order, by one thread at a time: its connection's event loop
 * (tasks run in submission order), or the topic's serial pipeline when it has no loop. No lock.
 */
final class TopicSubscription {

    private final String topic;
    private final Outbox outbox;
    private final boolean sse;
    private final Executor loop;
    private List<EncodedEvent> held = new ArrayList<>();
    private long lastSent = -1;

    /**
     * @param loop the event loop of the viewer's connection, or null: deliveries then run on the
     *     topic's pipeline thread
     */
    TopicSubscription(String topic, Outbox outbox, boolean sse, Executor loop) {
        this.topic = topic;
        this.outbox = outbox;
        this.sse = sse;
        this.loop = loop;
    }

    /** Where this viewer's deliveries run; viewers sharing it are served by one task per event. */
    Executor loop() {
        return loop;
    }

    String topic() {
        return topic;
    }

    Outbox outbox() {
        return outbox;
    }

    /** The bytes of an event for this viewer's transport. */
    byte[] bytes(EncodedEvent event) {
        return sse ? event.sse() : event.frame();
    }

    void deliver(EncodedEvent event) {
        if (held != null) {
            held.add(event);
            return;
        }
        if (event.durable()) {
            if (event.seq() <= lastSent) {
                return;
            }
            lastSent = event.seq();
        }
        outbox.offer(bytes(event));
    }

    /**
     * The join sent everything up to {@code seq}: release what was held after it, in arrival
     * order (the pipeline delivered it in seq order), skipping what the join already covered.
     * Ephemeral values held meanwhile are released too, as they may be newer than the snapshot.
     */
    void live(long seq) {
        lastSent = seq;
        List<EncodedEvent> pending = held;
        held = null;
        pending.forEach(this::deliver);
    }
}
