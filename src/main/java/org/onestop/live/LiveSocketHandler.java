package org.onestop.live;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.onestop.security.PortalUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /ws} endpoint: the handshake's session cookie (if any) decides who the viewer is. */
@Component
class LiveSocketHandler implements WebSocketHandler {

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

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return handle(session, null);
    }

    /** Serves a socket whose channel belongs to {@code loop} (null when unknown). */
    Mono<Void> handle(WebSocketSession session, Executor loop) {
        return session.getHandshakeInfo().getPrincipal()
                .map(principal -> principal instanceof Authentication a && a.getPrincipal() instanceof PortalUser u
                        ? java.util.Optional.of(u) : java.util.Optional.<PortalUser>empty())
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(user -> new SocketConnection(session, user.orElse(null), joins, json, properties, clock, loop, heartbeats).run());
    }
}
