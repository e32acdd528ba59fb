package org.onestop.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The bounded queue of frames waiting to be written to one viewer's connection. When it is full
 * the viewer is too slow: {@link #onOverflow} closes the connection (4008), and the viewer
 * reconnects with {@code since}. Nothing ever waits on a full outbox, so one slow viewer cannot
 * slow the delivery to anyone else.
 *
 * <p>No lock is taken per frame: several topics' pipelines may offer to one connection at once,
 * and the multi-producer queue under the sink makes that safe (its drain is guarded by the
 * sink's own work-in-progress counter); a counter, not the queue, enforces the bound.
 */
final class Outbox {

    private final int capacity;
    private final AtomicInteger queued = new AtomicInteger();
    private final Sinks.Many<byte[]> sink = Sinks.unsafe().many().unicast()
            .onBackpressureBuffer(Queues.<byte[]>unboundedMultiproducer().get());
    private final Runnable onOverflow;
    private volatile boolean closed;

    Outbox(int capacity, Runnable onOverflow) {
        this.capacity = capacity;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; false (and the connection is being closed) when the outbox was full. */
    boolean offer(byte[] frame) {
        if (closed) {
            return false;
        }
        if (queued.incrementAndGet() > capacity) {
            closed = true;
            onOverflow.run();
            complete();
            return false;
        }
        return sink.tryEmitNext(frame).isSuccess();
    }

    /** Completes once at most half the outbox is in use: replays wait on it instead of overflowing. */
    Mono<Void> roomForMore() {
        return Mono.defer(() -> queued.get() <= capacity / 2 || closed ? Mono.<Void>empty()
                : Mono.delay(Duration.ofMillis(5)).then(roomForMore()));
    }

    Flux<byte[]> frames() {
        return sink.asFlux().doOnNext(frame -> queued.decrementAndGet());
    }

    void complete() {
        closed = true;
        sink.tryEmitComplete();
    }
}
