package org.onestop.live;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.onestop.security.PortalUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One viewer's WebSocket: its joined topics, its outbox, its client-frame budget and heartbeat. */
final class SocketConnection {

    static final CloseStatus FORBIDDEN = new CloseStatus(4003, "forbidden");
    static final CloseStatus SLOW_CONSUMER = new CloseStatus(4008, "slow consumer");
    static final CloseStatus TOO_MANY = new CloseStatus(4029, "too many frames or joins");
    static final CloseStatus MALFORMED = new CloseStatus(1008, "malformed frame");
    static final CloseStatus SERVER_ERROR = new CloseStatus(1011, "server error");
    private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);
    /** Stands for a ping control frame in the outbox (compared by identity). */
    private static final byte[] PING = new byte[0];

    private final WebSocketSession session;
    private final PortalUser user;
    private final Joins joins;
    private final JsonMapper json;
    private final LiveProperties properties;
    private final Clock clock;
    private final Outbox outbox;
    private final Map<String, TopicSubscription> joined = new ConcurrentHashMap<>();
    private final Executor loop;
    private final Heartbeats heartbeats;
    private volatile long lastPong;
    private long windowStart;
    private int framesInWindow;

    SocketConnection(WebSocketSession session, PortalUser user, Joins joins, JsonMapper json,
            LiveProperties properties, Clock clock, Executor loop, Heartbeats heartbeats) {
        this.session = session;
        this.user = user;
        this.joins = joins;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.outbox = new Outbox(properties.outboxCapacity(), () -> close(SLOW_CONSUMER));
        this.lastPong = clock.millis();
        this.loop = loop;
        this.heartbeats = heartbeats;
        this.windowStart = clock.millis();
    }

    Mono<Void> run() {
        Runnable stopBeating = heartbeats.register(this::heartbeat);
        Flux<WebSocketMessage> frames = outbox.frames().map(bytes -> bytes == PING
                ? session.pingMessage(factory -> factory.wrap(bytes))
                : new WebSocketMessage(WebSocketMessage.Type.TEXT, session.bufferFactory().wrap(bytes)));
        Mono<Void> send = session.send(frames);
        Mono<Void> receive = session.receive()
                .concatMap(this::onMessage)
                .then()
                .doFinally(signal -> outbox.complete());
        return Mono.when(send, receive).doFinally(signal -> {
            stopBeating.run();
            leaveAll();
        });
    }

    /** Pings through the outbox, in order with the frames; a peer silent for 2.5 intervals is gone. */
    private void heartbeat() {
        if (clock.millis() - lastPong > properties.pingInterval().toMillis() * 5 / 2) {
            close(new CloseStatus(1001, "ping timeout"));
        } else {
            outbox.offer(PING);
        }
    }

    private Mono<Void> onMessage(WebSocketMessage message) {
        switch (message.getType()) {
            case PONG -> {
                lastPong = clock.millis();
                return Mono.empty();
            }
            case PING -> {
                return Mono.empty();
            }
            case BINARY -> {
                return close(MALFORMED);
            }
            default -> {
                // text: handled below
            }
        }
        if (!withinBudget()) {
            return close(TOO_MANY);
        }
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayloadAsText());
        } catch (RuntimeException e) {
            return close(MALFORMED);
        }
        if (frame == null || !frame.isObject()) {
            return close(MALFORMED);
        }
        JsonNode refNode = frame.get("ref");
        String ref = refNode != null && refNode.isString() && refNode.asString().length() <= 64 ? refNode.asString() : null;
        if (refNode != null && !refNode.isNull() && ref == null) {
            return reply(Frames.error(null, "bad_request", "ref must be a string of at most 64 characters"));
        }
        JsonNode op = frame.get("op");
        String name = op != null && op.isString() ? op.asString() : "";
        return switch (name) {
            case "ping" -> reply(Frames.pong(ref));
            case "join" -> join(frame, ref);
            case "leave" -> leave(frame, ref);
            default -> reply(Frames.error(ref, "bad_request", "Unknown op"));
        };
    }

    private Mono<Void> join(JsonNode frame, String ref) {
        JsonNode topicNode = frame.get("topic");
        JsonNode sinceNode = frame.get("since");
        if (topicNode == null || !topicNode.isString() || topicNode.asString().isEmpty() || topicNode.asString().length() > 120) {
            return reply(Frames.error(ref, "bad_request", "topic must be a non-empty string"));
        }
        if (sinceNode != null && !sinceNode.isNull() && !(sinceNode.isIntegralNumber() && sinceNode.canConvertToLong() && sinceNode.asLong() >= 0)) {
            return reply(Frames.error(ref, "bad_request", "since must be a non-negative integer"));
        }
        String topic = topicNode.asString();
        Long since = sinceNode == null || sinceNode.isNull() ? null : sinceNode.asLong();
        if (joined.containsKey(topic)) {
            return reply(Frames.error(ref, "bad_request", "Already joined"));
        }
        if (joined.size() >= properties.maxTopicsPerSocket()) {
            return reply(Frames.error(ref, "rate_limited", "Too many topics on one connection"));
        }
        return joins.authorise(topic, since, user)
                .flatMap(policy -> {
                    TopicSubscription subscription = new TopicSubscription(topic, outbox, false, loop);
                    joined.put(topic, subscription);
                    return joins.start(policy, subscription, since, () -> outbox.offer(Frames.ok(ref)), Frames::snapshot);
                })
                .onErrorResume(JoinError.class, e -> reply(Frames.error(ref, e.code(), e.getMessage())))
                .onErrorResume(e -> {
                    log.error("Join of {} failed", topic, e);
                    return close(SERVER_ERROR);
                });
    }

    private Mono<Void> leave(JsonNode frame, String ref) {
        JsonNode topicNode = frame.get("topic");
        TopicSubscription subscription = topicNode != null && topicNode.isString() ? joined.remove(topicNode.asString()) : null;
        if (subscription == null) {
            return reply(Frames.error(ref, "bad_request", "Not joined to that topic"));
        }
        joins.leave(subscription);
        return reply(Frames.ok(ref));
    }

    private Mono<Void> reply(byte[] frame) {
        outbox.offer(frame);
        return Mono.empty();
    }

    private boolean withinBudget() {
        long now = clock.millis();
        if (now - windowStart > 60_000) {
            windowStart = now;
            framesInWindow = 0;
        }
        return ++framesInWindow <= properties.maxFramesPerMinute();
    }

    private Mono<Void> close(CloseStatus status) {
        // Close first: completing the outbox ends the send stream, which would close normally (1000).
        session.close(status).subscribe();
        outbox.complete();
        return Mono.empty();
    }

    private void leaveAll() {
        joined.values().forEach(joins::leave);
        joined.clear();
    }
}
