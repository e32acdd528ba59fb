package org.onestop.live;

import java.util.concurrent.ArrayBlockingQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The bounded queue of frames waiting to be written to one viewer's connection. When it is full
 * the viewer is too slow: {@link #onOverflow} closes the connection (4008), and the viewer
 * reconnects with {@code since}. Nothing ever waits on a full outbox, so one slow viewer cannot
 * slow the delivery to anyone else.
 */
final class Outbox {

    private final int capacity;
    private final ArrayBlockingQueue<byte[]> queue;
    private final Sinks.Many<byte[]> sink;
    private final Sinks.Empty<Void> done = Sinks.empty();
    private final Runnable onOverflow;
    private volatile boolean overflowed;

    Outbox(int capacity, Runnable onOverflow) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = Sinks.many().unicast().onBackpressureBuffer(queue);
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; false (and the connection is being closed) when the outbox was full. */
    boolean offer(byte[] frame) {
        if (overflowed) {
            return false;
        }
        Sinks.EmitResult result;
        // Several topics' deliveries may reach one connection at once; the sink wants one producer at a time.
        synchronized (this) {
            result = sink.tryEmitNext(frame);
        }
        if (result.isSuccess()) {
            return true;
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW && !overflowed) {
            overflowed = true;
            onOverflow.run();
            complete();
        }
        return false;
    }

    /** Completes once at most half the outbox is in use: replays wait on it instead of overflowing. */
    Mono<Void> roomForMore() {
        return Mono.defer(() -> queue.size() <= capacity / 2 || overflowed ? Mono.<Void>empty()
                : Mono.delay(java.time.Duration.ofMillis(5)).then(roomForMore()));
    }

    Flux<byte[]> frames() {
        return sink.asFlux();
    }

    /** Completes when the outbox is closed; timers tied to the connection stop on it. */
    Mono<Void> done() {
        return done.asMono();
    }

    void complete() {
        synchronized (this) {
            sink.tryEmitComplete();
        }
        done.tryEmitEmpty();
    }
}
