package org.onestop.live;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Serves one {@code /ws} socket (see {@link LiveSocketRoute} for the handshake). */
@Component
class LiveSocketHandler {

    private final Joins joins;
    private final JsonMapper json;
    private final LiveProperties properties;
    private final Clock clock;
    private final Heartbeats heartbeats;

    LiveSocketHandler(Joins joins, JsonMapper json, LiveProperties properties, Clock clock, Heartbeats heartbeats) {
        this.joins = joins;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.heartbeats = heartbeats;
    }

    /** Serves a socket of {@code user} (null: anonymous) whose channel belongs to {@code loop} (null when unknown). */
    Mono<Void> handle(WebSocketSession session, PortalUser user, Executor loop) {
        return new SocketConnection(session, user, joins, json, properties, clock, loop, heartbeats).run();
    }
}
