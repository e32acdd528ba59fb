package org.onestop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Response times of a benchmark, in milliseconds, and their percentiles (nearest rank). */
public final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    /** Times one call. */
    public void time(Runnable call) {
        long started = System.nanoTime();
        call.run();
        millis.add((System.nanoTime() - started) / 1e6);
    }

    public double percentile(int p) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** One line for the benchmark's output: count, p50, p95 and max. */
    public String summary(String name) {
        return "BENCHMARK %s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms".formatted(name, millis.size(), percentile(50),
                percentile(95), percentile(100));
    }
}
