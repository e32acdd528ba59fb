package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.live.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Live questions the session could not settle become mailbox cases of the session's department. */
@PortalTest
class FollowUpTests {

    private static final String CASE_NO = "XX\\d{14}";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private static int fixtures;

    private InquiryFixture live() {
        return new InquiryFixture(app, port, "fu" + (++fixtures)).session(app, true);
    }

    private static long id(PortalClient client) {
        return InquiryFixture.json(client.get("/api/me").expectStatus().isOk()).path("id").asLong();
    }

    private List<JsonNode> mine(PortalClient asker) {
        List<JsonNode> letters = new ArrayList<>();
        InquiryFixture.json(asker.get("/api/mailbox/letters/mine").expectStatus().isOk()).path("items").forEach(letters::add);
        return letters;
    }

    private long lettersOf(long questionId) {
        return db.sql("SELECT count(*) FROM mailbox_letter WHERE inquiry_question_id = :q").bind("q", questionId)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    @Test
    void markingForFollowUpOpensACaseLedByTheSessionDepartmentAndTellsTheAsker() {
        InquiryFixture f = live();
        PortalClient a = f.citizen(app, "a");
        long asker = id(a);
        long q = f.ask(a, "失业保险金领取期满后还没找到工作怎么办？");
        f.approve(q);
        String origin = "http://localhost:" + port;
        try (WsClient viewer = WsClient.anonymous(port); WsClient own = WsClient.connect(port, a.cookies(), origin)) {
            assertThat(viewer.join(f.topic(), null).path("status").asString()).isEqualTo("ok");
            assertThat(own.join("user:" + asker, null).path("status").asString()).isEqualTo("ok");

            f.official.post("/api/inquiry/questions/" + q + "/followup", Map.of()).expectStatus().isOk();
            f.official.post("/api/inquiry/questions/" + q + "/followup", Map.of()).expectStatus().isOk();

            String caseNo = viewer.event(f.topic(), "question.followup", d -> d.path("questionId").asLong() == q)
                    .path("data").path("caseNo").asString();
            assertThat(caseNo).matches(CASE_NO);
            JsonNode told = own.event("user:" + asker, "notification", d -> "inquiry.followup".equals(d.path("kind").asString()));
            assertThat(told.path("data").path("title").asString()).contains(caseNo);
            own.event("user:" + asker, "letter.status", d -> caseNo.equals(d.path("trackingNumber").asString()));

            assertThat(lettersOf(q)).as("marked twice, one case").isEqualTo(1);
            List<JsonNode> letters = mine(a);
            assertThat(letters).hasSize(1);
            assertThat(letters.getFirst().path("trackingNumber").asString()).isEqualTo(caseNo);
            assertThat(letters.getFirst().path("status").asString()).isEqualTo("handling");
            JsonNode queue = InquiryFixture.json(f.official.get("/api/mailbox/queue").expectStatus().isOk());
            List<String> queued = new ArrayList<>();
            queue.path("items").forEach(item -> queued.add(item.path("trackingNumber").asString()));
            assertThat(queued).as("the session's department (HRSS) leads the case").contains(caseNo);
        }
    }

    @Test
    void endingWithChosenUnansweredQuestionsTurnsExactlyThoseIntoLinkedCases() {
        InquiryFixture f = live();
        PortalClient a = f.citizen(app, "a");
        PortalClient b = f.citizen(app, "b");
        long answered = f.ask(a, "创业担保贷款的额度是多少？");
        f.approve(answered);
        f.answer(answered, "个人最高30万元，小微企业最高400万元。");
        long chosen = f.ask(b, "零工市场什么时候在我们区开设？");
        f.approve(chosen);
        long other = f.ask(a, "技能培训补贴怎么申请？");
        f.approve(other);
        long pending = f.ask(b, "这个问题还没有审核通过。");
        String end = "/api/inquiry/sessions/" + f.sessionId + "/end";

        f.moderator.post(end, Map.of("followUp", List.of(answered))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("followup_question");
        f.moderator.post(end, Map.of("followUp", List.of(chosen, pending))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("followUp[1]");
        f.moderator.post(end, Map.of("followUp", List.of(chosen, chosen))).expectStatus().isBadRequest();
        f.moderator.post(end, Map.of("followUp", java.util.Arrays.asList(chosen, null))).expectStatus().isBadRequest();
        assertThat(InquiryFixture.json(f.moderator.get("/api/inquiry/sessions/" + f.sessionId)).path("status").asString())
                .as("a refused end leaves the session live").isEqualTo("live");
        assertThat(lettersOf(chosen)).isZero();

        f.moderator.post(end, Map.of("followUp", List.of(chosen))).expectStatus().isOk();

        assertThat(lettersOf(chosen)).isEqualTo(1);
        assertThat(lettersOf(other) + lettersOf(answered) + lettersOf(pending)).isZero();
        List<JsonNode> letters = mine(b);
        assertThat(letters).hasSize(1);
        String caseNo = letters.getFirst().path("trackingNumber").asString();
        JsonNode transcript = InquiryFixture.json(a.get("/api/inquiry/sessions/" + f.sessionId + "/transcript").expectStatus().isOk());
        assertThat(transcript.path("followUps")).hasSize(1);
        assertThat(transcript.path("followUps").get(0).path("questionId").asLong()).isEqualTo(chosen);
        assertThat(transcript.path("followUps").get(0).path("caseNo").asString()).isEqualTo(caseNo);
        assertThat(transcript.path("followUps").get(0).path("status").asString()).isEqualTo("handling");
        Long userEvents = db.sql("SELECT count(*) FROM live_event WHERE topic = :t AND type = 'notification'")
                .bind("t", "user:" + id(b)).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(userEvents).as("the asker was notified once").isEqualTo(1);
    }
}
