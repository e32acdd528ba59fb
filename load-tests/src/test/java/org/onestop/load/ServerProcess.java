package org.onestop.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time and memory of the server process under test, read from {@code /proc/<pid>} (so only
 * for a server on the probe's own machine). Every reading is -1 / NaN without a pid or when
 * {@code /proc} cannot be read; the probe then leaves the figure out.
 */
final class ServerProcess {

    /** /proc/<pid>/stat counts CPU time in clock ticks; USER_HZ is 100 on every Linux we run. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private final String pid;
    private long cpuTicksAtStart = -1;
    private long windowStart;
    /** The process's CPU time over the last measured window, in % of one core (up to 200 % on two cores). */
    double cpuPercent = Double.NaN;
    /** VmRSS before any viewer connected, after all joined, and at the end; VmHWM at the end; kB. */
    long rssNoneKb = -1;
    long rssWithNKb = -1;
    long rssEndKb = -1;
    long peakRssKb = -1;

    ServerProcess(String pid) {
        this.pid = pid;
    }

    boolean known() {
        return !pid.isBlank();
    }

    void startCpuWindow() {
        cpuTicksAtStart = cpuTicks();
        windowStart = System.nanoTime();
    }

    void endCpuWindow() {
        long ticks = cpuTicks();
        if (cpuTicksAtStart >= 0 && ticks >= 0) {
            double seconds = (System.nanoTime() - windowStart) / 1e9;
            cpuPercent = 100.0 * (ticks - cpuTicksAtStart) / CLOCK_TICKS_PER_SECOND / seconds;
        }
    }

    /** utime + stime in clock ticks, or -1. */
    private long cpuTicks() {
        if (!known()) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            System.err.println("probe: cannot read /proc/" + pid + "/stat: " + e);
            return -1;
        }
    }

    /** VmRSS now, kB (and VmHWM into {@link #peakRssKb}), or -1. */
    long rssKb() {
        if (!known()) {
            return -1;
        }
        long rss = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    peakRssKb = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("probe: cannot read /proc/" + pid + "/status: " + e);
        }
        return rss;
    }

    /** (RSS with the viewers − RSS with none) ÷ viewers, bytes; -1 when unknown. */
    long bytesPerViewer(long viewers) {
        return rssNoneKb < 0 || rssWithNKb < 0 || viewers <= 0 ? -1 : (rssWithNKb - rssNoneKb) * 1024 / viewers;
    }

    /** The figures for the summary line, each name prefixed with {@code prefix} ("" or "server2_"). */
    String summary(String prefix, long viewers) {
        StringBuilder s = new StringBuilder();
        if (!Double.isNaN(cpuPercent)) {
            s.append(String.format(Locale.ROOT, " %scpu=%.0f%%", prefix.isEmpty() ? "server_" : prefix, cpuPercent));
        }
        if (rssEndKb >= 0) {
            s.append(String.format(Locale.ROOT, " %srss_mb=%d %speak_rss_mb=%d", prefix.isEmpty() ? "server_" : prefix,
                    rssEndKb / 1024, prefix.isEmpty() ? "" : prefix, peakRssKb / 1024));
        }
        if (rssNoneKb >= 0 && rssWithNKb >= 0) {
            s.append(String.format(Locale.ROOT, " %srssNoneMB=%d %srssWithNMB=%d", prefix, rssNoneKb / 1024, prefix, rssWithNKb / 1024));
            if (viewers > 0) {
                s.append(String.format(Locale.ROOT, " %sbytesPerViewer=%d", prefix, bytesPerViewer(viewers)));
            }
        }
        return s.toString();
    }
}
