package org.onestop.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The fan-out probe's options, read once from system properties (an empty value means the
 * default; see README "Live fan-out smoke" for what each one does).
 */
final class ProbeOptions {

    /** What the probe drives while the viewers watch. */
    enum Mode {
        /** The official posts answers (the portal) or the probe publishes events (the reference broadcaster). */
        ANSWERS,
        /** The moderator approves questions that netizens asked before the viewers connected. */
        APPROVAL,
        /** Nothing: the viewers are held for a while, for connections held and memory per viewer. */
        IDLE
    }

    final String baseUrl = stripTrailingSlash(text("baseUrl", "http://localhost:8080"));
    /** A second node of the same portal, or empty: viewers then alternate between the two. */
    final String baseUrl2 = stripTrailingSlash(text("baseUrl2", ""));
    final int viewers = integer("viewers", 1000);
    final int answers = integer("answers", 30);
    final double rate = Double.parseDouble(text("rate", "2"));
    final String session = text("session", "");
    final String serverPid = text("serverPid", "");
    final String serverPid2 = text("serverPid2", "");
    final Duration drain = Duration.ofSeconds(integer("drain", 5));
    /** Fraction of the viewers that stop reading after their snapshot. */
    final double paused = Double.parseDouble(text("paused", "0"));
    /** SO_RCVBUF of the paused viewers' sockets, bytes; 0 leaves the system default. */
    final int pausedRcvBuf = integer("pausedRcvBuf", 4096);
    final int idleSeconds = integer("idle", 0);
    final Mode mode = idleSeconds > 0 ? Mode.IDLE : switch (text("mode", "answers").toLowerCase(Locale.ROOT)) {
        case "answers" -> Mode.ANSWERS;
        case "approval" -> Mode.APPROVAL;
        default -> throw new IllegalArgumentException("mode must be answers or approval, not " + text("mode", ""));
    };
    /** The reference broadcaster instead of the portal: no sign-in, events published with POST /publish. */
    final boolean reference = switch (text("target", "portal").toLowerCase(Locale.ROOT)) {
        case "portal" -> false;
        case "reference" -> true;
        default -> throw new IllegalArgumentException("target must be portal or reference, not " + text("target", ""));
    };
    /** Approximate size of each encoded event frame, bytes; 0 keeps the natural texts. */
    final int payloadBytes = integer("payloadBytes", 0);
    final int shard;
    final int shards;
    final Duration timeout;
    final Path outputDir = Path.of(text("fanout.dir", "target/fanout")).toAbsolutePath();

    ProbeOptions() {
        String[] s = text("shard", "0/1").split("/");
        if (s.length != 2) {
            throw new IllegalArgumentException("shard must look like 0/2 (this process / processes in all)");
        }
        shard = Integer.parseInt(s[0].trim());
        shards = Integer.parseInt(s[1].trim());
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard must be k/m with 0 <= k < m, not " + text("shard", ""));
        }
        if (paused < 0 || paused >= 1) {
            throw new IllegalArgumentException("paused is a fraction of the viewers, 0 <= paused < 1");
        }
        if (reference && mode == Mode.APPROVAL) {
            throw new IllegalArgumentException("the reference broadcaster has no moderation: mode=approval needs the portal");
        }
        if (viewers < 1 || answers < 0 || rate <= 0) {
            throw new IllegalArgumentException("viewers must be >= 1, answers >= 0 and rate > 0");
        }
        // By default long enough for connecting at 50 viewers/s, driving the events, the drain and the idle hold.
        long defaultTimeout = Math.max(120, 60 + idleSeconds + viewers / 50 + Math.round(answers / rate) + drain.toSeconds());
        timeout = Duration.ofSeconds(integer("timeout", (int) defaultTimeout));
    }

    boolean twoNodes() {
        return !baseUrl2.isEmpty();
    }

    /** Whether this process opens viewer {@code i} (of all processes' viewers). */
    boolean mine(int i) {
        return i % shards == shard;
    }

    /** Whether viewer {@code i} is one of the paused ones: spread evenly, round(viewers × paused) in all. */
    boolean isPaused(int i) {
        return Math.floor((i + 1) * paused) > Math.floor(i * paused);
    }

    /** Whether this process drives the events (posts answers or approvals). */
    boolean drives() {
        return shard == 0;
    }

    String modeName() {
        return (reference ? "reference-" : "") + mode.name().toLowerCase(Locale.ROOT);
    }

    static String text(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    static int integer(String name, int defaultValue) {
        return Integer.parseInt(text(name, Integer.toString(defaultValue)));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
