package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.live.EventLog;
import org.onestop.live.WsClient;
import org.onestop.platform.FaultServers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Faults of the live pipeline's dependencies, on servers these tests own and really stop: Redis
 * going away and coming back, PostgreSQL going away and coming back, and a portal node dying
 * under its viewers. Every viewer must end with every durable event of its topic exactly once and
 * in order; every refused request must be a 503 problem, never a 500.
 */
class LiveFaultTests {

    private static FaultServers servers;
    /** The node that takes the writes. */
    private static ConfigurableApplicationContext writer;
    /**
     * A node that hears of new events only through Redis: its log poll is too slow to matter
     * here, so what it delivers after an outage proves that its subscription came back and that
     * it filled the gap from the log.
     */
    private static ConfigurableApplicationContext listener;
    private static int fixtures;

    @BeforeAll
    static void start() {
        servers = new FaultServers("live");
        writer = servers.node();
        listener = servers.node("onestop.live.poll-interval=1h");
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    private static InquiryFixture fixture() {
        return new InquiryFixture(writer, FaultServers.port(writer), "fault" + (++fixtures)).session(writer, true);
    }

    @Test
    void redisRestartLosesNoEventAndDegradesLoginsAndUnknownSessionsToServiceUnavailable() {
        InquiryFixture f = fixture();
        InquiryFixture other = fixture();
        PortalClient citizen = f.citizen(writer, "asker");
        PortalClient otherCitizen = f.citizen(writer, "asker2");
        PortalClient onListener = new PortalClient(FaultServers.port(listener));
        try (WsClient nearViewer = WsClient.anonymous(FaultServers.port(writer));
                WsClient farViewer = WsClient.anonymous(FaultServers.port(listener));
                WsClient lateViewer = WsClient.anonymous(FaultServers.port(listener))) {
            long start = snapshotSeq(nearViewer, f.topic());
            assertThat(snapshotSeq(farViewer, f.topic())).isEqualTo(start);
            long before = f.ask(citizen, "灵活就业人员如何缴纳养老保险？");
            f.approve(before);
            farViewer.event(f.topic(), "question.published", d -> d.path("id").asLong() == before);

            servers.stopRedis();
            // Writes by people already signed in on the writing node go on, and its viewers see them at once.
            long during = f.ask(citizen, "停电期间提问还能成功吗？");
            f.approve(during);
            f.answer(during, "可以，提问与审核都直接写入数据库。");
            f.moderator.post("/api/inquiry/questions/" + during + "/pin", Map.of()).expectStatus().isOk();
            nearViewer.event(f.topic(), "question.pinned", d -> d.path("questionId").asLong() == during);
            // Rate limits hold on each node while Redis is away: the fourth question in a minute is refused.
            for (int i = 0; i < 3; i++) {
                f.ask(otherCitizen, "第" + (i + 1) + "个关于社保转移的问题？");
            }
            otherCitizen.post("/api/inquiry/sessions/" + f.sessionId + "/questions", Map.of("text", "第四个关于社保转移的问题？", "anonymous", false))
                    .expectStatus().isEqualTo(429);
            // What needs Redis itself is refused cleanly: signing in, and a session this node has never seen.
            unavailable(new PortalClient(FaultServers.port(writer)).post("/api/auth/login",
                    Map.of("username", f.prefix + "_asker", "password", org.onestop.account.TestAccounts.PASSWORD)));
            // A viewer joining a topic new to a node while Redis is away gets its snapshot from the log.
            long otherStart = snapshotSeq(lateViewer, other.topic());
            PortalClient stranger = new PortalClient(FaultServers.port(listener));
            stranger.cookies().put("SESSION", "0b5d5f6e-5a43-4a53-9d5f-2f1b7c3e9a10");
            unavailable(stranger.get("/api/me"));

            servers.startRedis();
            long lastDuringOutage = latest(f.topic());
            // The first event published after Redis is back shows the listener the gap, which it fills from the log.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                f.moderator.post("/api/inquiry/questions/" + during + "/unpin", Map.of()).expectStatus().isOk();
                f.moderator.post("/api/inquiry/questions/" + during + "/pin", Map.of()).expectStatus().isOk();
                return seqs(farViewer, f.topic()).contains(lastDuringOutage + 1);
            });
            long end = latest(f.topic());
            nearViewer.awaitFrames(frames -> seqs(nearViewer, f.topic()).contains(end));
            farViewer.awaitFrames(frames -> seqs(farViewer, f.topic()).contains(end));
            assertExactlyOnceInOrder(seqs(nearViewer, f.topic()), start, end);
            assertExactlyOnceInOrder(seqs(farViewer, f.topic()), start, end);
            // The topic first joined during the outage is relayed too once Redis is back.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                long q = other.ask(other.citizen(writer, "late" + (++fixtures)), "恢复之后的新话题能收到吗？");
                other.approve(q);
                return lateViewer.events(other.topic()).stream().anyMatch(e -> e.path("data").path("id").asLong() == q);
            });
            long otherEnd = latest(other.topic());
            lateViewer.awaitFrames(frames -> seqs(lateViewer, other.topic()).contains(otherEnd));
            assertExactlyOnceInOrder(seqs(lateViewer, other.topic()), otherStart, otherEnd);
            // And signing in works again, on either node, without a restart.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> onListener.post("/api/auth/login",
                    Map.of("username", f.prefix + "_asker2", "password", org.onestop.account.TestAccounts.PASSWORD))
                    .returnResult(Void.class).getStatus().is2xxSuccessful());
            onListener.get("/api/me").expectStatus().isOk();
        } finally {
            if (!redisUp()) {
                servers.startRedis();
            }
        }
    }

    @Test
    void postgresRestartRefusesWritesWithServiceUnavailableAndLeavesNoHalfWrittenRecord() throws Exception {
        InquiryFixture f = fixture();
        List<PortalClient> askers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            askers.add(f.citizen(writer, "pg" + i));
        }
        try (WsClient viewer = WsClient.anonymous(FaultServers.port(writer))) {
            long start = snapshotSeq(viewer, f.topic());
            long first = f.ask(askers.getFirst(), "数据库重启前的问题能保存吗？");
            f.approve(first);
            // Questions keep coming from several citizens while PostgreSQL goes down under them.
            List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var threads = new ArrayList<Thread>();
            for (int t = 0; t < askers.size(); t++) {
                PortalClient asker = askers.get(t);
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String text = "故障演练问题" + thread + "-" + n + "：公积金贷款怎么办理？";
                        var result = asker.post("/api/inquiry/sessions/" + f.sessionId + "/questions", Map.of("text", text, "anonymous", false))
                                .returnResult(String.class);
                        attempts.add(new Attempt(text, result.getStatus().value(), result.getResponseBody().blockFirst()));
                        sleep(Duration.ofMillis(150));
                    }
                }));
            }
            // PostgreSQL goes down once questions are being stored.
            await().atMost(Duration.ofSeconds(20)).until(() -> answered(attempts, 201));
            servers.stopPostgres();
            try {
                unavailable(f.moderator.post("/api/inquiry/questions/" + first + "/pin", Map.of()));
                unavailable(new PortalClient(FaultServers.port(writer)).post("/api/auth/login",
                        Map.of("username", f.prefix + "_mod", "password", org.onestop.account.TestAccounts.PASSWORD)));
                unavailable(new PortalClient(FaultServers.port(writer)).get("/api/inquiry/sessions"));
                // It comes back once the askers too have been refused for the outage.
                await().atMost(Duration.ofSeconds(20)).until(() -> answered(attempts, 503));
            } finally {
                servers.startPostgres();
            }
            // Back without restarting the app, and at once: the pool replaces its dead connections
            // rather than handing them out one failed request at a time.
            f.moderator.post("/api/inquiry/questions/" + first + "/pin", Map.of()).expectStatus().isOk();
            for (int i = 0; i < 5; i++) {
                new PortalClient(FaultServers.port(writer)).get("/api/inquiry/sessions").expectStatus().isOk();
            }
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            long after = f.ask(f.citizen(writer, "pgafter"), "数据库恢复后提问正常吗？");
            f.approve(after);
            viewer.event(f.topic(), "question.published", d -> d.path("id").asLong() == after);

            assertThat(attempts).extracting(Attempt::status).as("only stored, refused for the outage or rate-limited")
                    .containsAnyOf(201).contains(503).isSubsetOf(201, 503, 429);
            for (Attempt attempt : attempts) {
                List<Long> stored = db().sql("SELECT id FROM inquiry_question WHERE text = :text").bind("text", attempt.text())
                        .map(r -> r.get(0, Long.class)).all().collectList().block(Duration.ofSeconds(10));
                if (attempt.status() == 201) {
                    long id = InquiryFixture.JSON.readTree(attempt.body()).path("id").asLong();
                    assertThat(stored).as("stored question %s", attempt.text()).containsExactly(id);
                    assertThat(eventsAbout(InquiryTopics.moderation(f.sessionId), "question.submitted", id)).isEqualTo(1);
                } else {
                    assertThat(stored).as("refused question %s (status %s)", attempt.text(), attempt.status()).isEmpty();
                }
            }
            assertLogGapFree(f.topic());
            assertLogGapFree(InquiryTopics.moderation(f.sessionId));
            long end = latest(f.topic());
            viewer.awaitFrames(frames -> seqs(viewer, f.topic()).contains(end));
            assertExactlyOnceInOrder(seqs(viewer, f.topic()), start, end);
        }
    }

    @Test
    void viewersOfKilledNodeRejoinAnotherWithSinceAndMissNothing() {
        InquiryFixture f = fixture();
        // No grace period on the way down: the node is gone, not drained.
        ConfigurableApplicationContext victim = servers.node("server.shutdown=immediate");
        WsClient toWriter = WsClient.anonymous(FaultServers.port(victim));
        WsClient toListener = WsClient.anonymous(FaultServers.port(victim));
        try {
            long start = snapshotSeq(toWriter, f.topic());
            assertThat(snapshotSeq(toListener, f.topic())).isEqualTo(start);
            long q = f.ask(f.citizen(writer, "kill"), "节点宕机时直播会中断吗？");
            f.approve(q);
            f.answer(q, "不会，观众会自动连到其他节点并补齐错过的内容。");
            long beforeKill = latest(f.topic());
            for (WsClient viewer : List.of(toWriter, toListener)) {
                viewer.awaitFrames(frames -> seqs(viewer, f.topic()).contains(beforeKill));
            }
            // The node dies without a goodbye: its server stops accepting and drops every connection.
            ((org.springframework.boot.web.server.context.WebServerApplicationContext) victim).getWebServer().stop();
            victim.close();
            for (WsClient viewer : List.of(toWriter, toListener)) {
                viewer.awaitClose(Duration.ofSeconds(10));
            }
            // Events go on while the viewers are away.
            for (int i = 0; i < 4; i++) {
                f.moderator.post("/api/inquiry/questions/" + q + (i % 2 == 0 ? "/pin" : "/unpin"), Map.of()).expectStatus().isOk();
            }
            assertRejoinMissesNothing(toWriter, writer, f, q, start);
            assertRejoinMissesNothing(toListener, listener, f, q, start);
        } finally {
            toWriter.close();
            toListener.close();
        }
    }

    /** Rejoins on {@code node} from the last seq seen, as the front end does, and checks the whole stream. */
    private static void assertRejoinMissesNothing(WsClient old, ConfigurableApplicationContext node, InquiryFixture f, long question, long start) {
        List<Long> seen = seqs(old, f.topic());
        try (WsClient rejoined = WsClient.anonymous(FaultServers.port(node))) {
            assertThat(rejoined.join(f.topic(), seen.getLast()).path("status").asString()).isEqualTo("ok");
            f.moderator.post("/api/inquiry/questions/" + question + "/pin", Map.of()).expectStatus().isOk();
            long end = latest(f.topic());
            rejoined.awaitFrames(frames -> seqs(rejoined, f.topic()).contains(end));
            List<Long> all = new ArrayList<>(seen);
            all.addAll(seqs(rejoined, f.topic()));
            assertExactlyOnceInOrder(all, start, end);
        }
    }

    private record Attempt(String text, int status, String body) {
    }

    /** Whether some attempt got this status; the askers' threads add to the list meanwhile. */
    private static boolean answered(List<Attempt> attempts, int status) {
        synchronized (attempts) {
            return attempts.stream().anyMatch(a -> a.status() == status);
        }
    }

    private static long eventsAbout(String topic, String type, long id) {
        return db().sql("SELECT count(*) FROM live_event WHERE topic = :topic AND type = :type AND (data->>'id')::bigint = :id")
                .bind("topic", topic).bind("type", type).bind("id", id)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    /** The topic's log holds seqs 1..last_seq, each once: no event half-written or lost. */
    private static void assertLogGapFree(String topic) {
        var row = db().sql("SELECT count(*) AS n, count(DISTINCT seq) AS d, coalesce(max(seq), 0) AS m FROM live_event WHERE topic = :topic")
                .bind("topic", topic).map(r -> List.of(r.get("n", Long.class), r.get("d", Long.class), r.get("m", Long.class)))
                .one().block(Duration.ofSeconds(10));
        assertThat(row).as("count, distinct seqs and max seq of %s", topic).containsExactly(latest(topic), latest(topic), latest(topic));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean redisUp() {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1",
                    Integer.parseInt(writer.getEnvironment().getProperty("spring.data.redis.port"))), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static long snapshotSeq(WsClient viewer, String topic) {
        viewer.join(topic, null);
        return viewer.await(fr -> "snapshot".equals(fr.path("op").asString()) && topic.equals(fr.path("topic").asString()))
                .path("seq").asLong();
    }

    static long latest(String topic) {
        return writer.getBean(EventLog.class).latest(topic).block(Duration.ofSeconds(10));
    }

    static List<Long> seqs(WsClient viewer, String topic) {
        return viewer.events(topic).stream().map(e -> e.path("seq").asLong()).toList();
    }

    /** The viewer got every seq after {@code after} up to {@code until}, each once, in order. */
    static void assertExactlyOnceInOrder(List<Long> seqs, long after, long until) {
        List<Long> expected = new ArrayList<>();
        for (long s = after + 1; s <= until; s++) {
            expected.add(s);
        }
        assertThat(seqs).as("events lost, duplicated or out of order").isEqualTo(expected);
    }

    static void unavailable(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:unavailable");
    }

    static JsonNode json(WebTestClient.ResponseSpec spec) {
        return InquiryFixture.json(spec);
    }

    static DatabaseClient db() {
        return writer.getBean(DatabaseClient.class);
    }
}
