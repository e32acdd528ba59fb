package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.live.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The live Q&A over real WebSockets against the running portal. */
@PortalTest
class LiveInquiryTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static int fixtures;
    private InquiryFixture f;

    @BeforeEach
    void session() {
        f = new InquiryFixture(app, port, "live" + (++fixtures)).session(app, true);
    }

    @Test
    void askApproveAnswerReachesEveryViewerInOrderAndTheAskerPrivately() {
        PortalClient a = f.citizen(app, "a");
        PortalClient b = f.citizen(app, "b");
        long aId = a.get("/api/me").expectBody(Map.class).returnResult().getResponseBody().get("id") instanceof Number n ? n.longValue() : -1;
        try (WsClient viewerB = WsClient.connect(port, b.cookies(), "http://localhost:" + port);
                WsClient viewerC = WsClient.anonymous(port);
                WsClient askerA = WsClient.connect(port, a.cookies(), "http://localhost:" + port)) {
            assertThat(viewerB.join(f.topic(), null).path("status").asString()).isEqualTo("ok");
            assertThat(viewerC.join(f.topic(), null).path("status").asString()).isEqualTo("ok");
            assertThat(askerA.join("user:" + aId, null).path("status").asString()).isEqualTo("ok");
            JsonNode snapshot = viewerC.await(fr -> "snapshot".equals(fr.path("op").asString()));
            assertThat(snapshot.path("data").path("session").path("status").asString()).isEqualTo("live");

            long q = f.ask(a, "请问灵活就业人员如何参加职工养老保险？");
            f.approve(q);
            f.answer(q, "灵活就业人员可以在户籍地或居住地社保经办机构以个人身份参保。");

            for (WsClient viewer : List.of(viewerB, viewerC)) {
                JsonNode published = viewer.event(f.topic(), "question.published", d -> d.path("id").asLong() == q);
                JsonNode answered = viewer.event(f.topic(), "answer.posted", d -> d.path("questionId").asLong() == q);
                assertThat(answered.path("seq").asLong()).isEqualTo(published.path("seq").asLong() + 1);
                assertThat(published.path("data").path("text").asString()).isEqualTo("请问灵活就业人员如何参加职工养老保险？");
                assertThat(answered.path("data").path("official").path("department").asString()).isEqualTo("市人力资源和社会保障局");
            }
            askerA.event("user:" + aId, "question.status", d -> d.path("questionId").asLong() == q && "approved".equals(d.path("status").asString()));

            long rejected = f.ask(a, "这是一个会被拒绝的重复问题内容");
            f.moderator.post("/api/inquiry/questions/" + rejected + "/reject", Map.of("reason", "与已发布问题重复"))
                    .expectStatus().isOk();
            askerA.event("user:" + aId, "question.status", d -> d.path("questionId").asLong() == rejected
                    && "rejected".equals(d.path("status").asString()) && "与已发布问题重复".equals(d.path("reason").asString()));
            // A later public event proves the viewers are past the moment the rejection happened.
            f.moderator.post("/api/inquiry/questions/" + q + "/pin", Map.of()).expectStatus().isOk();
            viewerC.event(f.topic(), "question.pinned", d -> d.path("questionId").asLong() == q);
            assertThat(viewerC.frames()).noneMatch(fr -> fr.path("data").path("id").asLong() == rejected
                    || fr.path("data").path("questionId").asLong() == rejected);
        }
    }
}
