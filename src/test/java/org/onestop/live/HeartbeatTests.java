package org.onestop.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onestop.PortalTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/** The server pings every socket and closes one that stops answering. */
@PortalTest
@TestPropertySource(properties = "onestop.live.ping-interval=200ms")
class HeartbeatTests {

    @LocalServerPort
    int port;

    @Test
    void socketThatNeverAnswersPingsIsClosed() {
        AtomicInteger pings = new AtomicInteger();
        // handlePing(true) hands pings to us instead of answering them: a peer that has gone silent.
        var close = HttpClient.create()
                .websocket(WebsocketClientSpec.builder().handlePing(true).build())
                .uri("ws://localhost:" + port + "/ws")
                .handle((in, out) -> in.receiveFrames()
                        .doOnNext(frame -> {
                            if (frame instanceof PingWebSocketFrame) {
                                pings.incrementAndGet();
                            }
                        })
                        .then(in.receiveCloseStatus()))
                .next()
                .block(Duration.ofSeconds(10));
        assertThat(pings.get()).isGreaterThanOrEqualTo(2);
        assertThat(close).isNotNull();
        assertThat(close.code()).isEqualTo(1001);
    }

    @Test
    void socketThatAnswersPingsStaysOpen() {
        try (WsClient ws = WsClient.anonymous(port)) {
            // The JDK client answers pings by itself. Letting six ping intervals pass is the point here.
            reactor.core.publisher.Mono.delay(Duration.ofMillis(1200)).block();
            assertThat(ws.isClosed()).isFalse();
            ws.send("{\"op\":\"ping\",\"ref\":\"still\"}");
            assertThat(ws.await(fr -> "pong".equals(fr.path("op").asString())).path("ref").asString()).isEqualTo("still");
        }
    }
}
