package org.onestop.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;

/** A viewer that stops reading is cut off with 4008; everyone else keeps receiving. */
@PortalTest
class SlowConsumerTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    LivePublisher live;

    @Test
    void stalledViewerIsClosedWith4008WhileOthersReceiveEverything() {
        long userId = TestAccounts.citizen(app, "stalled");
        String topic = UserTopicPolicy.topicOf(userId);
        var me = new org.onestop.PortalClient(port).login("stalled", TestAccounts.PASSWORD);
        // Large events fill the socket buffers quickly; the outbox (128 frames in tests) then overflows.
        String blob = "政".repeat(40_000);
        int events = 400;
        try (WsClient slow = WsClient.connect(port, me.cookies(), "http://localhost:" + port);
                WsClient fast = WsClient.connect(port, me.cookies(), "http://localhost:" + port)) {
            slow.join(topic, null);
            fast.join(topic, null);
            slow.await(fr -> "snapshot".equals(fr.path("op").asString()));
            fast.await(fr -> "snapshot".equals(fr.path("op").asString()));
            slow.pause();
            Flux.range(0, events)
                    .concatMap(i -> live.write(e -> e.append(topic, "notification", Map.of("n", i, "blob", blob))))
                    .blockLast(Duration.ofSeconds(90));
            fast.awaitFrames(frames -> fast.events(topic).size() == events);
            assertThat(fast.isClosed()).isFalse();
            slow.resume();
            assertThat(slow.awaitClose(Duration.ofSeconds(30))).isEqualTo(4008);
            assertThat(slow.events(topic).size()).isLessThan(events);
        }
    }
}
