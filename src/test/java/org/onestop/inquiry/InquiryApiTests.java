package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** The inquiry HTTP API beyond the live stream: merging, edits, the archive and the calendar. */
@PortalTest
class InquiryApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private static int fixtures;

    private InquiryFixture live() {
        return new InquiryFixture(app, port, "api" + (++fixtures)).session(app, true);
    }

    private static void vote(PortalClient who, long question) {
        who.http().put().uri("/api/inquiry/questions/" + question + "/vote")
                .header("X-XSRF-TOKEN", who.withCsrf().cookies().get("XSRF-TOKEN")).exchange().expectStatus().isOk();
    }

    @Test
    void publishedQuestionHidesThePhoneIdNumberAndAddressTheAskerWrote() {
        InquiryFixture f = live();
        PortalClient a = f.citizen(app, "p");
        long q = f.ask(a, "我叫张三，电话13812345678，身份证号370202199001011234，住在市南区香港中路10号2单元301室，失业金怎么领？");
        f.approve(q);

        String published = db.sql("SELECT text FROM inquiry_question WHERE id = :id").bind("id", q)
                .map(r -> r.get(0, String.class)).one().block(java.time.Duration.ofSeconds(5));
        assertThat(published).doesNotContain("13812345678", "370202199001011234", "张三", "2单元301室").contains("失业金怎么领");
        String original = db.sql("SELECT original_text FROM inquiry_question WHERE id = :id").bind("id", q)
                .map(r -> r.get(0, String.class)).one().block(java.time.Duration.ofSeconds(5));
        assertThat(original).contains("13812345678");
    }

    @Test
    void votingIsIdempotentAndRemovable() {
        InquiryFixture f = live();
        PortalClient a = f.citizen(app, "a");
        long q = f.ask(a, "医保电子凭证怎么激活？");
        f.approve(q);
        vote(a, q);
        vote(a, q);
        assertThat(InquiryFixture.json(a.http().put().uri("/api/inquiry/questions/" + q + "/vote")
                .header("X-XSRF-TOKEN", a.cookies().get("XSRF-TOKEN")).exchange().expectStatus().isOk()).path("votes").asInt()).isEqualTo(1);
        assertThat(InquiryFixture.json(a.http().delete().uri("/api/inquiry/questions/" + q + "/vote")
                .header("X-XSRF-TOKEN", a.cookies().get("XSRF-TOKEN")).exchange().expectStatus().isOk()).path("votes").asInt()).isEqualTo(0);
    }

    @Test
    void mergingSumsVotesCountingEachVoterOnce() {
        InquiryFixture f = live();
        PortalClient a = f.citizen(app, "a");
        PortalClient b = f.citizen(app, "b");
        PortalClient c = f.citizen(app, "c");
        long original = f.ask(a, "退休人员基本养老金今年调整多少？");
        long duplicate = f.ask(b, "今年退休金上调多少，什么时候发放？");
        f.approve(original);
        f.approve(duplicate);
        vote(a, original);
        vote(b, original);
        vote(b, duplicate);
        vote(c, duplicate);
        f.moderator.post("/api/inquiry/questions/" + duplicate + "/merge", Map.of("into", original)).expectStatus().isOk();
        List<JsonNode> approved = list(f, "approved");
        assertThat(approved).extracting(q -> q.path("id").asLong()).containsExactly(original);
        assertThat(approved.getFirst().path("votes").asInt()).as("a, b and c, b counted once").isEqualTo(3);
        f.moderator.post("/api/inquiry/questions/" + original + "/merge", Map.of("into", original))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("merge_target");
    }

    private List<JsonNode> list(InquiryFixture f, String status) {
        JsonNode body = InquiryFixture.json(f.moderator.get("/api/inquiry/sessions/" + f.sessionId + "/questions?status=" + status)
                .expectStatus().isOk());
        return body.valueStream().toList();
    }

    @Test
    void approvingWithEditedTextKeepsTheOriginalForTheAudit() {
        InquiryFixture f = live();
        long q = f.ask(f.citizen(app, "a"), "我的手机号13800001111，社保卡激活不了怎么办");
        f.moderator.post("/api/inquiry/questions/" + q + "/approve", Map.of("text", "社保卡激活不了怎么办？"))
                .expectStatus().isOk().expectBody().jsonPath("$.text").isEqualTo("社保卡激活不了怎么办？")
                .jsonPath("$.originalText").isEqualTo("我的手机号13800001111，社保卡激活不了怎么办");
        String detail = db.sql("SELECT detail::text FROM audit_log WHERE action = 'inquiry.question.approved' AND target_id = :q")
                .bind("q", String.valueOf(q)).map(r -> r.get(0, String.class)).one().block(Duration.ofSeconds(5));
        assertThat(detail).contains("13800001111");
    }

    @Test
    void editingAnAnswerKeepsEveryEarlierWordingAndOnlyItsAuthorMayEdit() {
        InquiryFixture f = live();
        PortalClient a = f.citizen(app, "a");
        long q = f.ask(a, "技能提升补贴怎么申领？");
        f.approve(q);
        long answer = f.answer(q, "初稿：通过线上平台申领。");
        f.official.http().put().uri("/api/inquiry/answers/" + answer)
                .header("X-XSRF-TOKEN", f.official.cookies().get("XSRF-TOKEN"))
                .bodyValue(Map.of("text", "取得职业资格证书后12个月内，通过“技能提升补贴”线上平台申领。"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.editedAt").exists();
        a.http().put().uri("/api/inquiry/answers/" + answer).header("X-XSRF-TOKEN", a.cookies().get("XSRF-TOKEN"))
                .bodyValue(Map.of("text", "篡改")).exchange().expectStatus().isForbidden();
        List<String> revisions = db.sql("SELECT text FROM inquiry_answer_revision WHERE answer_id = :a").bind("a", answer)
                .map(r -> r.get(0, String.class)).all().collectList().block(Duration.ofSeconds(5));
        assertThat(revisions).containsExactly("初稿：通过线上平台申领。");
    }

    @Test
    void endedSessionHasTranscriptStatisticsAndStaffCsv() {
        InquiryFixture f = live();
        PortalClient a = f.citizen(app, "a");
        PortalClient b = f.citizen(app, "b");
        long q1 = f.ask(a, "公积金贷款额度最高多少？");
        long q2 = f.ask(b, "=cmd|'/C calc'!A0 公积金可以提取装修吗？");
        long q3 = f.ask(b, "这个问题不会被公开的测试");
        f.approve(q1);
        f.approve(q2);
        f.moderator.post("/api/inquiry/questions/" + q3 + "/reject", Map.of("reason", "无关内容")).expectStatus().isOk();
        f.answer(q1, "双缴存职工最高可贷80万元。");
        f.official.post("/api/inquiry/questions/" + q2 + "/followup", Map.of()).expectStatus().isOk();
        vote(a, q2);
        new PortalClient(port).get("/api/inquiry/sessions/" + f.sessionId + "/transcript").expectStatus().isEqualTo(HttpStatus.CONFLICT);
        f.moderator.post("/api/inquiry/sessions/" + f.sessionId + "/end", Map.of()).expectStatus().isOk();
        f.moderator.post("/api/inquiry/sessions/" + f.sessionId + "/end", Map.of()).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        JsonNode transcript = InquiryFixture.json(new PortalClient(port).get("/api/inquiry/sessions/" + f.sessionId + "/transcript")
                .expectStatus().isOk());
        assertThat(transcript.path("questions").valueStream().map(q -> q.path("id").asLong()).toList()).containsExactly(q1, q2);
        assertThat(transcript.path("questions").get(0).path("answers").get(0).path("text").asString()).isEqualTo("双缴存职工最高可贷80万元。");
        JsonNode stats = transcript.path("stats");
        assertThat(stats.path("received").asLong()).isEqualTo(3);
        assertThat(stats.path("published").asLong()).isEqualTo(2);
        assertThat(stats.path("answered").asLong()).isEqualTo(1);
        assertThat(stats.path("followedUp").asLong()).isEqualTo(1);
        assertThat(stats.path("participants").asLong()).as("two askers (one also voted)").isEqualTo(2);
        String csv = f.moderator.get("/api/inquiry/sessions/" + f.sessionId + "/transcript.csv").expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", "attachment.*")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("双缴存职工最高可贷80万元。").contains("\"'=cmd|").doesNotContain("这个问题不会被公开");
        a.get("/api/inquiry/sessions/" + f.sessionId + "/transcript.csv").expectStatus().isForbidden();
        a.post("/api/inquiry/sessions/" + f.sessionId + "/questions", Map.of("text", "结束后还能提问吗？"))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void sessionsAreListedFilteredAndPublishedAsICalendar() {
        InquiryFixture f = live();
        new PortalClient(port).get("/api/inquiry/sessions?status=live").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == " + f.sessionId + ")].status").isEqualTo("live")
                .jsonPath("$.items[?(@.id == " + f.sessionId + ")].officials[0].name").exists();
        new PortalClient(port).get("/api/inquiry/sessions?status=ended").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == " + f.sessionId + ")]").isEmpty();
        new PortalClient(port).get("/api/inquiry/sessions?status=bogus").expectStatus().isBadRequest();
        String ics = new PortalClient(port).get("/api/inquiry/sessions/calendar.ics").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:inquiry-" + f.sessionId + "@onestop").contains("就业创业政策");
    }

    @Test
    void creatingASessionValidatesEveryField() {
        InquiryFixture f = new InquiryFixture(app, port, "api" + (++fixtures));
        Instant start = Instant.now().plusSeconds(3600);
        f.moderator.post("/api/inquiry/sessions", Map.of("title", "x", "departmentId", 999999,
                        "startsAt", start.toString(), "endsAt", start.minusSeconds(60).toString(), "officialIds", List.of()))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'title')]").exists()
                .jsonPath("$.errors[?(@.field == 'endsAt')].code").isEqualTo("time_order")
                .jsonPath("$.errors[?(@.field == 'officialIds')]").exists();
        long hrss = db.sql("SELECT id FROM department WHERE code = 'HRSS'").map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        f.moderator.post("/api/inquiry/sessions", Map.of("title", "嘉宾不是工作人员", "departmentId", hrss,
                        "startsAt", start.toString(), "endsAt", start.plusSeconds(3600).toString(), "officialIds", List.of(f.moderatorId)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("not_staff");
        Long sessions = db.sql("SELECT count(*) FROM inquiry_session WHERE title = '嘉宾不是工作人员'").map(r -> r.get(0, Long.class))
                .one().block(Duration.ofSeconds(5));
        assertThat(sessions).isZero();
    }
}
