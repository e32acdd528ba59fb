package org.onestop.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The text report of one run, {@code <fanout.dir>/<mode>-<timestamp>.txt}: the summary line, the
 * options, and the full percentile distribution of every latency histogram (in milliseconds).
 */
final class ProbeReport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Map<String, Histogram> histograms = new LinkedHashMap<>();
    private final Path file;

    ProbeReport(ProbeOptions options) {
        String shard = options.shards > 1 ? "-shard" + options.shard + "of" + options.shards : "";
        this.file = options.outputDir.resolve(options.modeName() + "-" + LocalDateTime.now().format(STAMP) + shard + ".txt");
    }

    Path file() {
        return file;
    }

    void add(String title, Histogram histogram) {
        histograms.put(title, histogram);
    }

    /** Writes the report; a failure to write is reported but does not change the run's outcome. */
    void write(String summary) {
        try {
            Files.createDirectories(file.getParent());
            try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
                out.println(summary);
                out.println();
                out.println("# options");
                new TreeMap<>(System.getProperties()).forEach((k, v) -> {
                    String key = k.toString();
                    if (!key.contains(".") || key.equals("fanout.dir")) {
                        out.println(key + "=" + v);
                    }
                });
                for (Map.Entry<String, Histogram> h : histograms.entrySet()) {
                    out.println();
                    out.println("# " + h.getKey() + " (milliseconds; " + h.getValue().getTotalCount() + " values)");
                    if (h.getValue().getTotalCount() > 0) {
                        h.getValue().outputPercentileDistribution(out, 1000.0);
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("probe: cannot write the report " + file + ": " + e);
        }
    }
}
