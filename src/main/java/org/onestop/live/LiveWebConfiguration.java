package org.onestop.live;

import java.util.Map;
import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.WebsocketServerSpec;

@Configuration(proxyBeanMethods = false)
class LiveWebConfiguration {

    /** Client frames are small (live-protocol.md): Netty refuses bigger ones with close 1009. */
    static final int MAX_CLIENT_FRAME = 4096;


    @Bean
    HandlerMapping liveSocketMapping(LiveSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/ws", handler), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter(WebSocketService service) {
        return new WebSocketHandlerAdapter(service);
    }

    @Bean
    WebSocketService webSocketService() {
        var upgrade = new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(MAX_CLIENT_FRAME));
        return new HandshakeWebSocketService(upgrade) {
            @Override
            public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
                // Tell the connection which event loop owns its socket, so fan-out can run there.
                Executor loop = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection c
                        ? c.channel().eventLoop() : null;
                WebSocketHandler bound = handler instanceof LiveSocketHandler live ? session -> live.handle(session, loop) : handler;
                return super.handleRequest(exchange, bound);
            }
        };
    }
}
