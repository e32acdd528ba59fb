package org.onestop.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the counted viewers received: latency (receive time − the event's {@code ts}, µs) over all
 * deliveries and per node, distinct deliveries, duplicates, and the encoded size of the frames.
 * Recorded from the client's event-loop threads.
 */
final class Deliveries {

    static final long HIGHEST = TimeUnit.MINUTES.toMicros(10);

    final Histogram all = new ConcurrentHistogram(1, HIGHEST, 3);
    /** Per node (index 0: baseUrl, 1: baseUrl2). */
    final Histogram[] byNode = {new ConcurrentHistogram(1, HIGHEST, 3), new ConcurrentHistogram(1, HIGHEST, 3)};
    final LongAdder[] receivedByNode = {new LongAdder(), new LongAdder()};
    final LongAdder duplicates = new LongAdder();
    final LongAdder negative = new LongAdder();
    final LongAdder frameBytes = new LongAdder();
    final AtomicLong firstNanos = new AtomicLong();
    final AtomicLong lastNanos = new AtomicLong();

    void record(int node, long micros, int bytes) {
        if (micros < 0) {
            negative.increment();
            micros = 0;
        }
        long value = Math.min(micros, HIGHEST);
        all.recordValue(value);
        byNode[node].recordValue(value);
        receivedByNode[node].increment();
        frameBytes.add(bytes);
        long now = System.nanoTime();
        firstNanos.compareAndSet(0, now);
        lastNanos.accumulateAndGet(now, Math::max);
    }

    long received() {
        return receivedByNode[0].sum() + receivedByNode[1].sum();
    }

    long meanFrameBytes() {
        long n = received();
        return n == 0 ? 0 : frameBytes.sum() / n;
    }
}
