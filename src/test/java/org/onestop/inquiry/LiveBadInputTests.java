package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.live.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/** Every bad input to the live stream and to the inquiry writes gets its protocol answer, and stores nothing. */
@PortalTest
class LiveBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private static int fixtures;
    private InquiryFixture f;

    @BeforeEach
    void session() {
        f = new InquiryFixture(app, port, "bad" + (++fixtures)).session(app, true);
    }

    private long questions() {
        return db.sql("SELECT count(*) FROM inquiry_question").map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    private long answers() {
        return db.sql("SELECT count(*) FROM inquiry_answer").map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    @Test
    void malformedFrameClosesWith1008() {
        try (WsClient ws = WsClient.anonymous(port)) {
            ws.send("{not json");
            assertThat(ws.awaitClose(Duration.ofSeconds(10))).isEqualTo(1008);
        }
    }

    @Test
    void unknownOpGetsBadRequestReply() {
        try (WsClient ws = WsClient.anonymous(port)) {
            ws.send("{\"op\":\"subscribe\",\"ref\":\"x1\"}");
            var reply = ws.await(fr -> "x1".equals(fr.path("ref").asString()));
            assertThat(reply.path("status").asString()).isEqualTo("error");
            assertThat(reply.path("error").path("code").asString()).isEqualTo("bad_request");
        }
    }

    @Test
    void unknownTopicGetsUnknownTopicReply() {
        try (WsClient ws = WsClient.anonymous(port)) {
            assertThat(ws.join("inquiry:999999", null).path("error").path("code").asString()).isEqualTo("unknown_topic");
            assertThat(ws.join("weather:today", null).path("error").path("code").asString()).isEqualTo("unknown_topic");
        }
    }

    @Test
    void netizenJoiningModerationTopicIsForbidden() {
        PortalClient netizen = f.citizen(app, "nosy");
        try (WsClient ws = WsClient.connect(port, netizen.cookies(), "http://localhost:" + port);
                WsClient anonymous = WsClient.anonymous(port)) {
            assertThat(ws.join(f.topic() + ":moderation", null).path("error").path("code").asString()).isEqualTo("forbidden");
            assertThat(anonymous.join(f.topic() + ":moderation", null).path("error").path("code").asString()).isEqualTo("forbidden");
            assertThat(anonymous.join("user:1", null).path("error").path("code").asString()).isEqualTo("forbidden");
        }
    }

    @Test
    void moderatorMayJoinModerationTopicAndSeesPendingQueue() {
        PortalClient asker = f.citizen(app, "asker");
        long q = f.ask(asker, "养老保险转移接续需要哪些材料？");
        try (WsClient ws = WsClient.connect(port, f.moderator.cookies(), "http://localhost:" + port)) {
            assertThat(ws.join(f.topic() + ":moderation", null).path("status").asString()).isEqualTo("ok");
            var snapshot = ws.await(fr -> "snapshot".equals(fr.path("op").asString()));
            assertThat(snapshot.path("data").path("pending").get(0).path("id").asLong()).isEqualTo(q);
            assertThat(snapshot.path("data").path("pending").get(0).path("asker").path("displayName").asString()).startsWith("网友");
        }
    }

    @Test
    void frameOver4KilobytesClosesWith1009() {
        try (WsClient ws = WsClient.anonymous(port)) {
            ws.send("{\"op\":\"ping\",\"ref\":\"" + "x".repeat(5000) + "\"}");
            assertThat(ws.awaitClose(Duration.ofSeconds(10))).isEqualTo(1009);
        }
    }

    @Test
    void foreignOriginHandshakeIsRefusedWith403() {
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", "https://evil.example")
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() { })
                .join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void sinceBeyondLatestSeqGetsBadSinceReply() {
        try (WsClient ws = WsClient.anonymous(port)) {
            assertThat(ws.join(f.topic(), 1_000_000L).path("error").path("code").asString()).isEqualTo("bad_since");
            assertThat(ws.join(f.topic(), -1L).path("error").path("code").asString()).isEqualTo("bad_request");
        }
    }

    @Test
    void tooManyFramesCloseWith4029() {
        try (WsClient ws = WsClient.anonymous(port)) {
            for (int i = 0; i < 130; i++) {
                ws.send("{\"op\":\"ping\",\"ref\":\"p" + i + "\"}");
            }
            assertThat(ws.awaitClose(Duration.ofSeconds(10))).isEqualTo(4029);
        }
    }

    @Test
    void questionTooShortTooLongOrWithBlockedWordIsRefusedAndNotStored() {
        PortalClient asker = f.citizen(app, "words");
        long before = questions();
        String path = "/api/inquiry/sessions/" + f.sessionId + "/questions";
        asker.post(path, Map.of("text", "  太短 ")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("text").jsonPath("$.errors[0].code").isEqualTo("size");
        asker.post(path, Map.of("text", "长".repeat(501))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("size");
        asker.post(path, Map.of("text", "哪里可以代 开 发 票？急需")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("blocked_word")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("代开发票"));
        assertThat(questions()).isEqualTo(before);
    }

    @Test
    void fourthQuestionWithinAMinuteIsRateLimited() {
        PortalClient asker = f.citizen(app, "eager");
        String path = "/api/inquiry/sessions/" + f.sessionId + "/questions";
        for (int i = 1; i <= 3; i++) {
            asker.post(path, Map.of("text", "第" + i + "个关于社保卡办理的问题")).expectStatus().isCreated();
        }
        long before = questions();
        asker.post(path, Map.of("text", "第4个关于社保卡办理的问题")).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(questions()).isEqualTo(before);
    }

    @Test
    void mutedUserCannotAsk() {
        PortalClient rude = f.citizen(app, "rude");
        long rudeId = ((Number) rude.get("/api/me").expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
        f.moderator.post("/api/inquiry/sessions/" + f.sessionId + "/mutes", Map.of("userId", rudeId)).expectStatus().isNoContent();
        long before = questions();
        rude.post("/api/inquiry/sessions/" + f.sessionId + "/questions", Map.of("text", "禁言后还能提问吗？试一下"))
                .expectStatus().isForbidden().expectBody().jsonPath("$.errors[0].code").isEqualTo("muted");
        assertThat(questions()).isEqualTo(before);
        Long audited = db.sql("SELECT count(*) FROM audit_log WHERE action = 'inquiry.user.muted'").map(r -> r.get(0, Long.class))
                .one().block(Duration.ofSeconds(5));
        assertThat(audited).isGreaterThanOrEqualTo(1);
    }

    @Test
    void officialNotAssignedCannotAnswer() {
        PortalClient asker = f.citizen(app, "q1");
        long q = f.ask(asker, "住房公积金可以提取用于支付房租吗？");
        f.approve(q);
        org.onestop.account.TestAccounts.staff(app, f.prefix + "_other", "PSB", org.onestop.security.Role.OFFICIAL);
        PortalClient stranger = new PortalClient(port).login(f.prefix + "_other", org.onestop.account.TestAccounts.PASSWORD);
        long before = answers();
        stranger.post("/api/inquiry/questions/" + q + "/answers", Map.of("text", "我不是本场嘉宾")).expectStatus().isForbidden();
        asker.post("/api/inquiry/questions/" + q + "/answers", Map.of("text", "网友也不能回答")).expectStatus().isForbidden();
        assertThat(answers()).isEqualTo(before);
    }

    @Test
    void approvingAnAlreadyRejectedQuestionIsAConflict() {
        PortalClient asker = f.citizen(app, "q2");
        long q = f.ask(asker, "这个问题将被拒绝然后再尝试通过");
        f.moderator.post("/api/inquiry/questions/" + q + "/reject", Map.of("reason", "内容重复")).expectStatus().isOk();
        f.moderator.post("/api/inquiry/questions/" + q + "/approve", Map.of()).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("question_status");
        String status = db.sql("SELECT status FROM inquiry_question WHERE id = :id").bind("id", q)
                .map(r -> r.get(0, String.class)).one().block(Duration.ofSeconds(5));
        assertThat(status).isEqualTo("rejected");
    }

    @Test
    void netizenCannotModerateOrSeeTheQueue() {
        PortalClient asker = f.citizen(app, "q3");
        long q = f.ask(asker, "我想自己批准我的问题可以吗");
        asker.post("/api/inquiry/questions/" + q + "/approve", Map.of()).expectStatus().isForbidden();
        asker.get("/api/inquiry/sessions/" + f.sessionId + "/questions?status=pending").expectStatus().isForbidden();
        new PortalClient(port).get("/api/inquiry/sessions/" + f.sessionId + "/questions?status=pending").expectStatus().isUnauthorized();
        asker.post("/api/inquiry/sessions", Map.of("title", "x")).expectStatus().isForbidden();
    }
}
