package org.onestop.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The events one run drives, recognised in raw frames and sized to order.
 *
 * <p>Each event's text starts with {@code Fan-out probe <run> answer #<n>:} (or {@code question #}),
 * so a viewer finds "this run's event number n" with a few string searches instead of parsing
 * every frame as JSON: at tens of thousands of viewers the probe shares the machine with the
 * server and must stay cheap. A process that does not drive the events (shard k > 0) learns the
 * run from the first such event it sees.
 */
final class ProbeEvents {

    private static final String MARK = "Fan-out probe ";
    private static final String TEXT_FIELD = "\"text\":\"";
    private static final String TS_FIELD = "\"ts\":\"";
    private static final String NATURAL_ANSWER = "thank you for the question; this is an automated load-test answer.";
    private static final String NATURAL_QUESTION = "when will the new service hall open on Saturdays?";

    private final String type;
    private final String typeField;
    private final String kind;
    private final int maxText;
    private volatile String prefix;
    /** Bytes of an encoded event frame besides its text, first estimated, then measured on the first delivery. */
    private volatile int overhead;
    private volatile boolean measured;

    /**
     * @param type the event type, {@code answer.posted} or {@code question.published}
     * @param run this run's id, or null to learn it from the first event seen
     */
    ProbeEvents(String type, String run) {
        this.type = type;
        this.typeField = "\"type\":\"" + type + "\"";
        boolean answers = type.equals("answer.posted");
        this.kind = answers ? " answer #" : " question #";
        this.maxText = answers ? 4000 : 500;
        this.overhead = answers ? 250 : 200;
        this.prefix = run == null ? null : MARK + run + kind;
    }

    String type() {
        return type;
    }

    /** The text of event {@code n}, padded so that its frame is about {@code frameBytes} (0: the natural text). */
    String text(int n, int frameBytes) {
        String head = prefix + n + ": ";
        if (frameBytes <= 0) {
            return head + (kind.equals(" answer #") ? NATURAL_ANSWER : NATURAL_QUESTION);
        }
        int padding = Math.min(frameBytes - overhead, maxText) - head.length();
        return padding <= 0 ? head.strip() : head + "x".repeat(padding);
    }

    /** Just the head of event n's text (the reference broadcaster pads it itself). */
    String head(int n) {
        return prefix + n + ": ";
    }

    /** The number n of this run's event carried by the frame, or -1 for any other frame. */
    int sequenceOf(String frame) {
        if (!frame.contains(typeField) || !frame.contains("\"op\":\"event\"")) {
            return -1;
        }
        String p = prefix;
        if (p == null) {
            p = learnRun(frame);
            if (p == null) {
                return -1;
            }
        }
        int at = frame.indexOf(p);
        if (at < 0) {
            return -1;
        }
        int start = at + p.length();
        int end = start;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        return end == start ? -1 : Integer.parseInt(frame, start, end, 10);
    }

    private synchronized String learnRun(String frame) {
        if (prefix != null) {
            return prefix;
        }
        int at = frame.indexOf(TEXT_FIELD + MARK);
        if (at < 0) {
            return null;
        }
        int start = at + TEXT_FIELD.length() + MARK.length();
        int end = start;
        while (end < frame.length() && Character.isLetterOrDigit(frame.charAt(end))) {
            end++;
        }
        if (end == start || !frame.startsWith(kind, end)) {
            return null;
        }
        prefix = MARK + frame.substring(start, end) + kind;
        System.err.println("probe: following run " + frame.substring(start, end));
        return prefix;
    }

    /** The event's server timestamp. */
    static Instant timestamp(String frame) {
        int at = frame.indexOf(TS_FIELD);
        if (at < 0) {
            throw new IllegalArgumentException("event without ts");
        }
        int start = at + TS_FIELD.length();
        return Instant.parse(frame.substring(start, frame.indexOf('"', start)));
    }

    /** Learns the real frame overhead from the first delivered event (its text is plain ASCII). */
    void measure(String frame, int frameBytes) {
        if (measured) {
            return;
        }
        int at = frame.indexOf(TEXT_FIELD);
        if (at >= 0) {
            int start = at + TEXT_FIELD.length();
            overhead = frameBytes - (frame.indexOf('"', start) - start);
            measured = true;
        }
    }

    /**
     * Estimates the frame overhead from a snapshot before any event is sent: the frame an existing
     * answer (or question) of the snapshot would have, minus its text.
     */
    void estimate(String topic, JsonNode snapshot) {
        if (measured) {
            return;
        }
        for (JsonNode q : snapshot.path("data").path("questions")) {
            JsonNode data = kind.equals(" answer #") ? q.path("answers").path(0) : q.deepCopy();
            if (data instanceof ObjectNode object && object.hasNonNull("text")) {
                object.remove("answers");
                String frame = "{\"op\":\"event\",\"topic\":\"" + topic + "\",\"seq\":" + (snapshot.path("seq").asLong() + 1)
                        + ",\"type\":\"" + type + "\",\"ts\":\"" + Instant.now() + "\",\"data\":" + object + "}";
                overhead = bytes(frame) - bytes(object.path("text").asText());
                return;
            }
        }
    }

    int overhead() {
        return overhead;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
