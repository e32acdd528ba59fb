package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.OneStopApplication;
import org.onestop.PortalTest;
import org.onestop.live.SilentLog;
import org.onestop.live.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Two portal nodes on one PostgreSQL and one Redis, and what happens when Redis loses messages. */
@PortalTest
class ScaleOutTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static ConfigurableApplicationContext node2;
    private static int fixtures;
    private InquiryFixture f;

    @BeforeEach
    void nodes() {
        if (node2 == null) {
            var env = app.getEnvironment();
            node2 = new SpringApplicationBuilder(OneStopApplication.class).run(
                    "--server.port=0", "--onestop.demo.enabled=false", "--onestop.live.poll-interval=500ms",
                    "--spring.r2dbc.url=r2dbc:postgresql://localhost:" + env.getProperty("onestop.embedded.postgres-port") + "/postgres",
                    "--spring.r2dbc.username=postgres",
                    "--spring.data.redis.host=127.0.0.1",
                    "--spring.data.redis.port=" + env.getProperty("onestop.embedded.redis-port"));
        }
        f = new InquiryFixture(app, port, "nodes" + (++fixtures)).session(app, true);
    }

    @AfterAll
    static void stopNode2() {
        if (node2 != null) {
            node2.close();
            node2 = null;
        }
    }

    private int port2() {
        return Integer.parseInt(node2.getEnvironment().getProperty("local.server.port"));
    }

    private static List<Long> seqs(WsClient ws, String topic) {
        return ws.events(topic).stream().map(e -> e.path("seq").asLong()).toList();
    }

    private static void assertGapFree(List<Long> seqs) {
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("seq after %s", seqs.get(i - 1)).isEqualTo(seqs.get(i - 1) + 1);
        }
    }

    @Test
    void viewerOnSecondNodeReceivesAnswerPostedThroughFirstInOrderAndViewersAreCountedAcrossNodes() {
        try (WsClient onNode1 = WsClient.anonymous(port); WsClient onNode2 = WsClient.anonymous(port2())) {
            onNode1.join(f.topic(), null);
            onNode2.join(f.topic(), null);
            long q = f.ask(f.citizen(app, "asker"), "异地就医备案可以在网上办理吗？");
            f.approve(q);
            f.answer(q, "可以，通过国家医保服务平台App即可办理异地就医备案。");
            JsonNode published = onNode2.event(f.topic(), "question.published", d -> d.path("id").asLong() == q);
            JsonNode answered = onNode2.event(f.topic(), "answer.posted", d -> d.path("questionId").asLong() == q);
            assertThat(answered.path("seq").asLong()).isEqualTo(published.path("seq").asLong() + 1);
            assertGapFree(seqs(onNode2, f.topic()));
            for (WsClient viewer : List.of(onNode1, onNode2)) {
                viewer.event(f.topic(), "viewers", d -> d.path("count").asLong() == 2);
            }
        }
    }

    @Test
    void eventsWhosePubSubMessagesWereLostStillReachViewersInOrder() {
        try (WsClient onNode2 = WsClient.anonymous(port2())) {
            onNode2.join(f.topic(), null);
            long snapshotSeq = onNode2.await(fr -> "snapshot".equals(fr.path("op").asString())).path("seq").asLong();
            // Three events reach the log but never Redis, then one is published normally.
            for (int i = 0; i < 3; i++) {
                SilentLog.append(app, f.topic(), "question.unpinned", "{\"questionId\":" + (900 + i) + "}");
            }
            long q = f.ask(f.citizen(app, "asker2"), "失业保险金可以在网上申领吗？");
            f.approve(q);
            onNode2.event(f.topic(), "question.published", d -> d.path("id").asLong() == q);
            List<Long> seqs = seqs(onNode2, f.topic());
            assertThat(seqs.getFirst()).isEqualTo(snapshotSeq + 1);
            assertThat(seqs).hasSizeGreaterThanOrEqualTo(4);
            assertGapFree(seqs);
            // Nothing published afterwards: the log poll alone must bring silently written events.
            long last = SilentLog.append(app, f.topic(), "question.unpinned", "{\"questionId\":999}");
            onNode2.awaitFrames(frames -> seqs(onNode2, f.topic()).contains(last));
            assertGapFree(seqs(onNode2, f.topic()));
        }
    }

    @Test
    void redisKillingPubSubConnectionsLosesNoEvent() {
        try (WsClient onNode2 = WsClient.anonymous(port2())) {
            onNode2.join(f.topic(), null);
            long q = f.ask(f.citizen(app, "asker3"), "新生儿参保登记需要什么材料？");
            f.approve(q);
            onNode2.event(f.topic(), "question.published", d -> d.path("id").asLong() == q);
            // A real Redis fault: every pub/sub connection is dropped (the nodes' clients reconnect).
            var client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + app.getEnvironment().getProperty("onestop.embedded.redis-port"));
            try (var connection = client.connect()) {
                assertThat(connection.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub())).as("node 2 subscribes; node 1 has no viewers").isGreaterThanOrEqualTo(1L);
            } finally {
                client.shutdown();
            }
            for (int i = 0; i < 10; i++) {
                f.moderator.post("/api/inquiry/questions/" + q + (i % 2 == 0 ? "/pin" : "/unpin"), Map.of()).expectStatus().isOk();
            }
            onNode2.awaitFrames(frames -> onNode2.events(f.topic()).stream()
                    .filter(e -> e.path("type").asString().startsWith("question.") && e.path("type").asString().endsWith("pinned")).count() >= 10);
            assertGapFree(seqs(onNode2, f.topic()));
        }
    }

    @Test
    void viewerCountsSurviveRedisStallingLongerThanTheirInterval() {
        try (WsClient first = WsClient.anonymous(port)) {
            first.join(f.topic(), null);
            first.event(f.topic(), "viewers", d -> d.path("count").asLong() == 1);
            var client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + app.getEnvironment().getProperty("onestop.embedded.redis-port"));
            try (var connection = client.connect()) {
                // Every client's commands wait 3 s: several viewer-count ticks find the last one still running.
                connection.sync().clientPause(3000);
                reactor.core.publisher.Mono.delay(java.time.Duration.ofMillis(3500)).block();
            } finally {
                client.shutdown();
            }
            try (WsClient second = WsClient.anonymous(port)) {
                second.join(f.topic(), null);
                first.event(f.topic(), "viewers", d -> d.path("count").asLong() == 2);
            }
        }
    }
}
