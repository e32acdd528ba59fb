package org.onestop.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.live.RawSocket;
import org.onestop.live.WsClient;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Input robustness of the live socket (live-protocol.md): a seeded stream of join, leave, ping and
 * unknown ops with hostile topics, since values and refs, malformed JSON, binary frames and frames
 * over 4096 bytes. Every frame is answered in the protocol's terms (a reply, an error code the
 * protocol lists, or a close with the protocol's code for malformed or too-large frames), never a
 * server error (1011) or silence; a viewer of the session keeps receiving throughout, and nothing
 * is stored.
 */
@PortalTest
class LiveSocketFuzzTests {

    static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    private static final Set<String> ERROR_CODES = Set.of("bad_request", "unknown_topic", "forbidden", "bad_since", "rate_limited");
    private static final Set<String> OPS = Set.of("reply", "pong", "snapshot", "event");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int FRAMES = Integer.getInteger("fuzz.socketFrames", 400);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void everySocketOpWithHostileInputIsAnsweredPerProtocolAndOtherViewersKeepReceiving() throws java.io.IOException {
        long started = System.nanoTime();
        long mod = TestAccounts.staff(app, "fzs_mod", null, Role.MODERATOR);
        long off = TestAccounts.staff(app, "fzs_off", "HRSS", Role.OFFICIAL);
        TestAccounts.citizen(app, "fzs_citizen");
        PortalClient moderator = new PortalClient(port).login("fzs_mod", TestAccounts.PASSWORD);
        PortalClient citizen = new PortalClient(port).login("fzs_citizen", TestAccounts.PASSWORD);
        Instant startsAt = Instant.now().plusSeconds(3600);
        long session = FuzzWorld.json(moderator.post("/api/inquiry/sessions", Map.of("title", "在线访谈", "description", "说明",
                "departmentId", new FuzzWorld(app, port).department("HRSS"), "startsAt", startsAt.toString(),
                "endsAt", startsAt.plusSeconds(7200).toString(), "officialIds", List.of(off), "moderatorIds", List.of(mod)))
                .expectStatus().isCreated()).path("id").asLong();
        moderator.post("/api/inquiry/sessions/" + session + "/start", Map.of()).expectStatus().isOk();
        String topic = "inquiry:" + session;
        StoredData stored = new StoredData(app);
        StoredData.Fingerprint before = stored.take();

        HostileValues values = new HostileValues(SEED);
        System.out.printf("Socket fuzz with seed %d (repeat with -Dfuzz.seed=%d)%n", SEED, SEED);
        String cookies = String.join("; ", citizen.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        int sent = 0;
        List<String> changed;
        try (WsClient watcher = WsClient.anonymous(port)) {
            assertThat(watcher.join(topic, null).path("status").asString()).isEqualTo("ok");
            RawSocket socket = null;
            int frames = 0;
            for (int i = 0; i < FRAMES; i++) {
                if (socket == null || frames >= 50) {
                    close(socket);
                    socket = RawSocket.open(port, i % 2 == 0 ? "" : cookies);
                    frames = 0;
                }
                boolean open = exchange(socket, frame(values, topic, i), i);
                frames += 2;
                sent++;
                if (!open) {
                    close(socket);
                    socket = null;
                }
            }
            close(socket);
            changed = stored.take().changedFrom(before);
            // The other viewer is still served: a question approved now reaches it.
            long question = FuzzWorld.json(citizen.post("/api/inquiry/sessions/" + session + "/questions",
                    Map.of("text", "稳岗补贴什么时候发放？", "anonymous", false)).expectStatus().isCreated()).path("id").asLong();
            moderator.post("/api/inquiry/questions/" + question + "/approve", Map.of()).expectStatus().isOk();
            watcher.event(topic, "question.published", d -> d.path("id").asLong() == question);
            assertThat(watcher.isClosed()).isFalse();
        }
        try (WsClient fresh = WsClient.anonymous(port)) {
            assertThat(fresh.join(topic, null).path("status").asString()).isEqualTo("ok");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Socket fuzz: %d frames in %.1f s; outcomes %s%n", sent, seconds, outcomes);
        failures.forEach(f -> System.out.println("SOCKET FUZZ FAILURE " + f));
        assertThat(failures).isEmpty();
        // Frames write nothing, except what accepted joins legitimately record: a topic joined for the
        // first time is registered (live_topic), and more viewers raise the session's peak_viewers.
        assertThat(changed).as("stored by socket frames")
                .allMatch(c -> c.startsWith("live_topic ") || c.startsWith("inquiry_session "));
    }

    /** What to send (text, or raw bytes with an opcode) and how the protocol says the server must answer. */
    private record Frame(int opcode, byte[] payload, String expect) {
        String shown() {
            String text = new String(payload, StandardCharsets.UTF_8);
            return (opcode == RawSocket.BINARY ? "binary " : "") + payload.length + " bytes: " + text.substring(0, Math.min(160, text.length()));
        }
    }

    private Frame frame(HostileValues values, String topic, int i) {
        int kind = values.nextInt(20);
        if (kind == 0) {
            return text(new String(values.pick(HostileValues.MALFORMED), StandardCharsets.UTF_8));
        }
        if (kind == 1) {
            // Invalid UTF-8: RFC 6455 allows closing with 1007; the server decodes it with U+FFFD and
            // answers the resulting object (an unknown op) instead. Either is accepted, silence is not.
            return new Frame(RawSocket.TEXT, new byte[] {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                    "answer or close");
        }
        if (kind == 2) {
            return new Frame(RawSocket.BINARY, "{\"op\":\"ping\"}".getBytes(StandardCharsets.UTF_8), "close:1008");
        }
        ObjectNode object = NODES.objectNode();
        String op = values.pick(List.of("join", "join", "leave", "ping", "hostile"));
        object.set("op", op.equals("hostile") ? values.value() : NODES.stringNode(op));
        if (!op.equals("ping")) {
            object.set("topic", values.nextInt(4) == 0 ? NODES.stringNode(topic) : values.nextInt(3) == 0
                    ? NODES.stringNode(values.pick(List.of("inquiry:", "inquiry:-1", "inquiry:99999999999999999999", "user:1",
                            topic + ":moderation", "inquiry:1:moderation:x", "user:", "*", "inquiry:%s", "user:1 OR 1=1")))
                    : values.value());
        }
        if (values.nextInt(2) == 0) {
            object.set("since", values.nextInt(2) == 0 ? NODES.numberNode(values.pick(List.of(-1L, 999_999L, Long.MAX_VALUE)))
                    : values.value());
        }
        if (values.nextInt(3) != 0) {
            object.set("ref", values.nextInt(2) == 0 ? NODES.stringNode("r" + i) : values.value());
        }
        return text(object.toString());
    }

    /** A text frame and what the protocol asks: 1009 when too large, 1008 when not a JSON object, else an answer. */
    private static Frame text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 4096) {
            return new Frame(RawSocket.TEXT, bytes, "close:1009");
        }
        JsonNode parsed;
        try {
            parsed = HostileValues.JSON.readTree(text);
        } catch (RuntimeException e) {
            parsed = null;
        }
        return new Frame(RawSocket.TEXT, bytes, parsed != null && parsed.isObject() ? "answer" : "close:1008");
    }

    /** Sends the frame and then a ping; checks everything until the pong or the close. False once closed. */
    private boolean exchange(RawSocket socket, Frame frame, int i) {
        String probe = "probe" + i;
        try {
            socket.send(frame.opcode(), frame.payload());
            socket.sendText("{\"op\":\"ping\",\"ref\":\"" + probe + "\"}");
        } catch (java.io.IOException e) {
            // The server may close before the probe goes out; what it said is read below.
        }
        while (true) {
            RawSocket.Frame answer = socket.read();
            if (answer.opcode() == 0x9) {
                continue;
            }
            if (answer.opcode() == RawSocket.CLOSE || answer.opcode() == -1) {
                int code = answer.opcode() == -1 ? -1 : answer.closeCode();
                outcomes.merge("close " + code, 1, Integer::sum);
                boolean expected = frame.expect().equals("close:" + code)
                        || frame.expect().equals("answer or close") && (code == 1007 || code == 1008)
                        || code == 4029 && frame.expect().equals("answer");
                if (!expected) {
                    failures.add("closed " + code + " but expected " + frame.expect() + ": " + frame.shown());
                }
                return false;
            }
            if (answer.opcode() == -2) {
                failures.add("no answer within 10 s (expected " + frame.expect() + "): " + frame.shown());
                return false;
            }
            JsonNode f = HostileValues.JSON.readTree(answer.text());
            String op = f.path("op").asString();
            if ("pong".equals(op) && probe.equals(f.path("ref").asString())) {
                if (!frame.expect().startsWith("answer")) {
                    failures.add("still open but expected " + frame.expect() + ": " + frame.shown());
                }
                return true;
            }
            if (!OPS.contains(op)) {
                failures.add("unknown server op " + f + " after " + frame.shown());
            }
            if ("reply".equals(op)) {
                String status = f.path("status").asString();
                String code = f.path("error").path("code").asString();
                outcomes.merge("reply " + status + ("error".equals(status) ? " " + code : ""), 1, Integer::sum);
                if (!"ok".equals(status) && !("error".equals(status) && ERROR_CODES.contains(code))) {
                    failures.add("reply outside the protocol " + f + " after " + frame.shown());
                }
            }
        }
    }

    private static void close(RawSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // Already closed by the server.
            }
        }
    }
}
