package org.onestop.live;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.cookie.Cookie;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.onestop.security.PortalUser;
import org.onestop.security.SocketHandshakes;
import org.onestop.web.ProblemWriter;
import org.onestop.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * {@code GET /ws} as a Reactor Netty route in front of WebFlux. Through WebFlux, every open socket
 * kept its whole request exchange (header and attribute copies, the filter chain's operators, the
 * session) until it closed; here a socket keeps only its connection, its Spring
 * {@link ReactorNettyWebSocketSession} with an empty {@link HandshakeInfo}, and the live state.
 * Before upgrading, the route makes the security chain's decisions itself through
 * {@link SocketHandshakes}: the Origin check (403) and the user from the session cookie.
 */
@Component
class LiveSocketRoute {

    private static final Logger log = LoggerFactory.getLogger(LiveSocketRoute.class);
    private static final URI PATH = URI.create("/ws");
    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);
    /** Client frames are small (live-protocol.md): Netty refuses bigger ones with close 1009. */
    static final int MAX_CLIENT_FRAME = 4096;
    private static final WebsocketServerSpec SPEC = WebsocketServerSpec.builder().maxFramePayloadLength(MAX_CLIENT_FRAME).build();

    private final SocketHandshakes handshakes;
    private final LiveSocketHandler handler;
    private final ProblemWriter problems;
    private final int sendBuffer;

    LiveSocketRoute(SocketHandshakes handshakes, LiveSocketHandler handler, ProblemWriter problems, LiveProperties properties) {
        this.sendBuffer = (int) properties.socketSendBuffer().toBytes();
        this.handshakes = handshakes;
        this.handler = handler;
        this.problems = problems;
    }

    Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        var headers = request.requestHeaders();
        if (!"websocket".equalsIgnoreCase(headers.get(HttpHeaderNames.UPGRADE))) {
            return refuse(request, response, HttpStatus.BAD_REQUEST, "bad-request");
        }
        if (!handshakes.originAllowed(headers.get(HttpHeaderNames.ORIGIN), request.scheme(), request.hostName(), request.hostPort())) {
            return refuse(request, response, HttpStatus.FORBIDDEN, "origin");
        }
        return handshakes.user(sessionId(request))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> upgrade(request, response, user.orElse(null)))
                .onErrorResume(error -> {
                    String dependency = Problems.unavailableDependency(error);
                    if (dependency == null) {
                        log.error("WebSocket handshake failed", error);
                        return refuse(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "internal");
                    }
                    return refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", dependency);
                });
    }

    private Mono<Void> upgrade(HttpServerRequest request, HttpServerResponse response, PortalUser user) {
        // The channel's own event loop, so that fan-out to this viewer runs where its socket lives.
        var channel = request instanceof Connection connection ? connection.channel() : null;
        var loop = channel != null ? channel.eventLoop() : null;
        if (channel != null) {
            // See LiveProperties.socketSendBuffer: a stalled viewer must reach its bounded outbox.
            channel.config().setOption(ChannelOption.SO_SNDBUF, sendBuffer);
        }
        return response.sendWebsocket((in, out) -> {
            var info = new HandshakeInfo(PATH, new HttpHeaders(), Mono.empty(), null);
            return handler.handle(new ReactorNettyWebSocketSession(in, out, info, BUFFERS, MAX_CLIENT_FRAME), user, loop);
        }, SPEC);
    }

    private String sessionId(HttpServerRequest request) {
        List<Cookie> cookies = request.allCookies().get(handshakes.cookieName());
        return cookies == null || cookies.isEmpty() ? null : cookies.iterator().next().value();
    }

    private Mono<Void> refuse(HttpServerRequest request, HttpServerResponse response, HttpStatus status, String type,
            Object... args) {
        if (response.hasSentHeaders()) {
            return Mono.empty();
        }
        byte[] body = problems.body(request.requestHeaders().get(HttpHeaderNames.ACCEPT_LANGUAGE), PATH.getPath(), status, type, args);
        return response.status(status.value())
                .header(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header("X-Content-Type-Options", "nosniff")
                .sendObject(Unpooled.wrappedBuffer(body))
                .then();
    }
}
