package org.onestop.live;

import java.nio.charset.StandardCharsets;

/** The server's non-event WebSocket frames, per live-protocol.md. */
final class Frames {

    private Frames() {
    }

    static byte[] ok(String ref) {
        return bytes("{\"op\":\"reply\",\"ref\":" + ref(ref) + ",\"status\":\"ok\"}");
    }

    static byte[] error(String ref, String code, String message) {
        return bytes("{\"op\":\"reply\",\"ref\":" + ref(ref) + ",\"status\":\"error\",\"error\":{\"code\":"
                + Json.quote(code) + ",\"message\":" + Json.quote(message) + "}}");
    }

    static byte[] pong(String ref) {
        return bytes("{\"op\":\"pong\",\"ref\":" + ref(ref) + "}");
    }

    static String snapshotJson(String topic, TopicPolicy.Snapshot s) {
        return "{\"op\":\"snapshot\",\"topic\":" + Json.quote(topic) + ",\"seq\":" + s.seq() + ",\"data\":" + s.data() + "}";
    }

    static byte[] snapshot(String topic, TopicPolicy.Snapshot s) {
        return bytes(snapshotJson(topic, s));
    }

    static byte[] sseSnapshot(String topic, TopicPolicy.Snapshot s) {
        return bytes("event: snapshot\ndata: " + snapshotJson(topic, s) + "\n\n");
    }

    private static String ref(String ref) {
        return ref == null ? "null" : Json.quote(ref);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
