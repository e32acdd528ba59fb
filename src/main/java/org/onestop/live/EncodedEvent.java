package org.onestop.live;

import java.nio.charset.StandardCharsets;

/**
 * An event encoded once per node: the WebSocket frame bytes are shared by every local viewer,
 * and the SSE bytes (the same JSON behind {@code id:}/{@code event:} lines) are made the first
 * time an SSE viewer needs them.
 */
public final class EncodedEvent {

    private final long seq;
    private final String type;
    private final byte[] frame;
    private volatile byte[] sse;

    /** An event that arrived already encoded (from Redis): its frame bytes are used as they are. */
    EncodedEvent(long seq, String type, byte[] frame) {
        this.seq = seq;
        this.type = type;
        this.frame = frame;
    }

    static EncodedEvent of(LiveEvent e) {
        return new EncodedEvent(e.seq(), e.type(), frameJson(e).getBytes(StandardCharsets.UTF_8));
    }

    static String frameJson(LiveEvent e) {
        StringBuilder json = new StringBuilder(96 + e.data().length())
                .append("{\"op\":\"event\",\"topic\":").append(Json.quote(e.topic()));
        if (e.durable()) {
            json.append(",\"seq\":").append(e.seq());
        }
        return json.append(",\"type\":").append(Json.quote(e.type()))
                .append(",\"ts\":\"").append(e.ts()).append('"')
                .append(",\"data\":").append(e.data()).append('}').toString();
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    public boolean durable() {
        return seq > 0;
    }

    byte[] frame() {
        return frame;
    }

    byte[] sse() {
        byte[] bytes = sse;
        if (bytes == null) {
            String head = (durable() ? "id: " + seq + "\n" : "") + "event: " + type + "\ndata: ";
            byte[] h = head.getBytes(StandardCharsets.UTF_8);
            bytes = new byte[h.length + frame.length + 2];
            System.arraycopy(h, 0, bytes, 0, h.length);
            System.arraycopy(frame, 0, bytes, h.length, frame.length);
            bytes[bytes.length - 2] = '\n';
            bytes[bytes.length - 1] = '\n';
            sse = bytes;
        }
        return bytes;
    }
}
