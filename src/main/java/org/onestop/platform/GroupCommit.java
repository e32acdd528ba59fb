package org.onestop.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.util.concurrent.Queues;

/**
 * Writes many small requests as few transactions ("group commit"): while one batch is being
 * written, requests that arrive queue up, and the next batch takes them all (up to
 * {@code maxBatch}) in one go. Under light load every batch holds one request and nothing waits
 * for a timer; under heavy load the round trips and row locks of one transaction are shared by
 * everybody queued, so throughput grows with the load instead of each request paying for its own.
 *
 * <p>One batch is in flight at a time per instance, which also keeps the writes of one instance in
 * arrival order. A failed batch fails every request in it (their writes were all rolled back
 * together); the next batch goes ahead. The queue is bounded: past {@code maxQueued} waiting
 * requests, a new one is refused at once with the error from {@code whenFull}, so overload shows
 * as fast refusals, not as memory growth and timeouts.
 *
 * @param <I> one request
 * @param <O> its result; {@code work} returns one per request, in the order given
 */
public final class GroupCommit<I, O> {

    private record Pending<I, O>(I item, MonoSink<O> sink) {
    }

    private final Queue<Pending<I, O>> queue = Queues.<Pending<I, O>>unboundedMultiproducer().get();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final int maxBatch;
    private final int maxQueued;
    private final Function<List<I>, Mono<List<O>>> work;
    private final Supplier<? extends RuntimeException> whenFull;

    public GroupCommit(int maxBatch, int maxQueued, Function<List<I>, Mono<List<O>>> work,
            Supplier<? extends RuntimeException> whenFull) {
        if (maxBatch < 1 || maxQueued < maxBatch) {
            throw new IllegalArgumentException("need 1 <= maxBatch <= maxQueued");
        }
        this.maxBatch = maxBatch;
        this.maxQueued = maxQueued;
        this.work = work;
        this.whenFull = whenFull;
    }

    /** Queues a request; the result arrives once the batch holding it has been written. */
    public Mono<O> submit(I item) {
        return Mono.create(sink -> {
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                sink.error(whenFull.get());
                return;
            }
            queue.offer(new Pending<>(item, sink));
            startIfIdle();
        });
    }

    private void startIfIdle() {
        // Whoever flips the flag writes the next batch; everybody else only queued.
        if (writing.compareAndSet(false, true)) {
            writeNext();
        }
    }

    private void writeNext() {
        List<Pending<I, O>> batch = new ArrayList<>(Math.min(maxBatch, Math.max(1, queued.get())));
        Pending<I, O> next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            // A request queued after the poll but before the flag was cleared found the flag set
            // and left the work to us: look once more.
            if (!queue.isEmpty()) {
                startIfIdle();
            }
            return;
        }
        queued.addAndGet(-batch.size());
        List<I> items = batch.stream().map(Pending::item).toList();
        Mono.defer(() -> work.apply(items))
                .defaultIfEmpty(List.of())
                .subscribe(results -> {
                    if (results.size() != batch.size()) {
                        IllegalStateException wrong = new IllegalStateException(
                                "batch of " + batch.size() + " gave " + results.size() + " results");
                        batch.forEach(p -> p.sink().error(wrong));
                        return;
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).sink().success(results.get(i));
                    }
                }, error -> {
                    batch.forEach(p -> p.sink().error(error));
                    writeNext();
                }, this::writeNext);
    }
}
