package org.onestop.mailbox.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every bad request is a 4xx problem+json naming the field and its code, and nothing is stored. */
@PortalTest
@Import(MovableClock.Configuration.class)
class ConsultationBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static int fixtures;

    private ConsultationFixture fixture() {
        return new ConsultationFixture(app, port, "cb" + (++fixtures));
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status).expectHeader().contentType("application/problem+json").expectBody();
    }

    private long consultations(ConsultationFixture f) {
        return f.count("SELECT count(*) FROM consultation");
    }

    @Test
    void createsWithOversizeFieldsThenBadRequestForEachField() {
        ConsultationFixture f = fixture();
        long before = consultations(f);
        Instant opens = f.now().plus(Duration.ofHours(1));
        Map<String, Object> body = new HashMap<>(ConsultationFixture.draft("标".repeat(101), opens, opens.plus(Duration.ofDays(10))));
        body.put("summary", "要".repeat(501));
        body.put("text", "文".repeat(20_001));
        problem(f.official.post("/api/consultations", body), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[?(@.field == 'title')].code").isEqualTo("size")
                .jsonPath("$.errors[?(@.field == 'summary')].code").isEqualTo("size")
                .jsonPath("$.errors[?(@.field == 'text')].code").isEqualTo("size");
        body.put("title", "正常标题");
        body.put("summary", "正常摘要");
        body.put("text", "正文\u202e倒序");
        problem(f.official.post("/api/consultations", body), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("text").jsonPath("$.errors[0].code").isEqualTo("hidden_characters");
        problem(f.official.post("/api/consultations", Map.of()), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[?(@.field == 'title')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'opensAt')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'closesAt')].code").isEqualTo("required");
        assertThat(consultations(f)).isEqualTo(before);
    }

    @Test
    void createsWithWindowClosingBeforeOpeningThenTimeOrder() {
        ConsultationFixture f = fixture();
        long before = consultations(f);
        Instant opens = f.now().plus(Duration.ofDays(2));
        problem(f.official.post("/api/consultations", ConsultationFixture.draft("倒置的征集期", opens, opens.minus(Duration.ofHours(1)))),
                HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("closesAt").jsonPath("$.errors[0].code").isEqualTo("time_order");
        assertThat(consultations(f)).isEqualTo(before);
    }

    @Test
    void createsWithWindowTooLongTooShortOrInThePastThenBadRequest() {
        ConsultationFixture f = fixture();
        long before = consultations(f);
        Instant opens = f.now().plus(Duration.ofHours(1));
        problem(f.official.post("/api/consultations", ConsultationFixture.draft("九十一天", opens, opens.plus(Duration.ofDays(90)).plusSeconds(1))),
                HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("closesAt").jsonPath("$.errors[0].code").isEqualTo("consultation.window_long")
                .jsonPath("$.errors[0].message").isEqualTo("征集期最长为 90 天。");
        problem(f.official.post("/api/consultations", ConsultationFixture.draft("不足一天", opens, opens.plus(Duration.ofHours(23)))),
                HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].code").isEqualTo("consultation.window_short");
        Instant past = f.now().minus(Duration.ofDays(1));
        problem(f.official.post("/api/consultations", ConsultationFixture.draft("过去开始", past, past.plus(Duration.ofDays(5)))),
                HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("opensAt").jsonPath("$.errors[0].code").isEqualTo("consultation.opens_in_past");
        problem(f.official.post("/api/consultations", Map.of("title", "日期格式", "opensAt", "明天")), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("opensAt").jsonPath("$.errors[0].code").isEqualTo("type");
        f.official.post("/api/consultations", ConsultationFixture.draft("整九十天", opens, opens.plus(Duration.ofDays(90))))
                .expectStatus().isCreated();
        assertThat(consultations(f)).isEqualTo(before + 1);
    }

    @Test
    void commentsWithOversizeHiddenOrBlockedTextThenBadRequestAndNothingStored() {
        ConsultationFixture f = fixture();
        long id = f.open("职业技能等级认定办法（征求意见稿）");
        PortalClient feng = f.citizen("feng");
        problem(feng.post("/api/consultations/" + id + "/comments", Map.of("text", "意".repeat(1001))), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("text").jsonPath("$.errors[0].code").isEqualTo("size");
        problem(feng.post("/api/consultations/" + id + "/comments", Map.of("text", "建议\u200b隐藏字符")), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].code").isEqualTo("hidden_characters");
        problem(feng.post("/api/consultations/" + id + "/comments", Map.of("text", "专业代 开 发 票，联系我")), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].code").isEqualTo("blocked_word");
        problem(feng.post("/api/consultations/" + id + "/comments", Map.of("text", "   ")), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].code").isEqualTo("required");
        problem(feng.post("/api/consultations/999999/comments", Map.of("text", "不存在的征集")), HttpStatus.NOT_FOUND);
        assertThat(f.count("SELECT count(*) FROM consultation_comment WHERE author_id IN"
                + " (SELECT id FROM app_user WHERE username = $1)", f.prefix + "_feng")).isZero();
        // The refused comments took nothing from the daily allowance.
        for (int i = 1; i <= 5; i++) {
            f.comment(feng, id, "第" + i + "条有效意见。", false);
        }
    }

    @Test
    void publishesFeedbackBeforeCloseThenConflict() {
        ConsultationFixture f = fixture();
        long id = f.open("就业困难人员认定办法（征求意见稿）");
        problem(f.official.post("/api/consultations/" + id + "/feedback", Map.of("text", "提前发布的反馈", "decisions", List.of())),
                HttpStatus.CONFLICT)
                .jsonPath("$.errors[0].code").isEqualTo("consultation.not_closed");
        assertThat(f.count("SELECT count(*) FROM consultation WHERE id = $1 AND feedback IS NULL", id)).isEqualTo(1);
    }

    @Test
    void publishesFeedbackWithBadDecisionsThenBadRequestAndNothingStored() {
        ConsultationFixture f = fixture();
        long id = f.open("零工市场建设办法（征求意见稿）");
        PortalClient chen = f.citizen("chen");
        long first = f.comment(chen, id, "建议每个街道建设零工驿站。", false);
        long second = f.comment(chen, id, "建议发布零工岗位信息。", true);
        long rejected = f.comment(chen, id, "无关内容测试", false);
        f.moderator.post("/api/consultations/comments/" + first + "/approve", Map.of()).expectStatus().isOk();
        f.moderator.post("/api/consultations/comments/" + second + "/approve", Map.of()).expectStatus().isOk();
        f.moderator.post("/api/consultations/comments/" + rejected + "/reject", Map.of("reason", "无关内容")).expectStatus().isOk();
        f.closeAll();
        String path = "/api/consultations/" + id + "/feedback";

        problem(f.official.post(path, Map.of("text", "反馈", "decisions", List.of(
                        Map.of("commentId", first, "decision", "not_adopted"),
                        Map.of("commentId", second, "decision", "partly_adopted", "reason", " ")))), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[?(@.field == 'decisions.0.reason')].code").isEqualTo("consultation.reason_required")
                .jsonPath("$.errors[?(@.field == 'decisions.1.reason')].code").isEqualTo("consultation.reason_required");
        problem(f.official.post(path, Map.of("text", "反馈", "decisions", List.of(
                        Map.of("commentId", first, "decision", "maybe"),
                        Map.of("commentId", first, "decision", "adopted")))), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[?(@.field == 'decisions.0.decision')].code").isEqualTo("consultation.decision")
                .jsonPath("$.errors[?(@.field == 'decisions.1.commentId')].code").isEqualTo("consultation.duplicate_comment");
        problem(f.official.post(path, Map.of("text", "反馈", "decisions", List.of(
                        Map.of("commentId", first, "decision", "adopted"),
                        Map.of("commentId", 999_999, "decision", "adopted"),
                        Map.of("commentId", rejected, "decision", "adopted")))), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[?(@.field == 'decisions.1.commentId')].code").isEqualTo("consultation.unknown_comment")
                .jsonPath("$.errors[?(@.field == 'decisions.2.commentId')].code").isEqualTo("consultation.unknown_comment");
        problem(f.official.post(path, Map.of("text", "", "decisions", List.of())), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("text").jsonPath("$.errors[0].code").isEqualTo("required");
        problem(f.official.post(path, Map.of("text", "长".repeat(5001))), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].code").isEqualTo("size");

        assertThat(f.count("SELECT count(*) FROM consultation_comment WHERE consultation_id = $1 AND decision IS NOT NULL", id)).isZero();
        assertThat(f.count("SELECT count(*) FROM consultation WHERE id = $1 AND feedback_published_at IS NULL", id)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'consultation.feedback.published'")).isZero();

        // A valid feedback then goes through once; a second one conflicts.
        f.official.post(path, Map.of("text", "经研究，部分采纳。", "decisions", List.of(
                Map.of("commentId", first, "decision", "partly_adopted", "reason", "驿站建设按街道需求分批推进。"))))
                .expectStatus().isOk().expectBody().jsonPath("$.feedback.counts.undecided").isEqualTo(1);
        problem(f.official.post(path, Map.of("text", "再次发布", "decisions", List.of())), HttpStatus.CONFLICT)
                .jsonPath("$.errors[0].code").isEqualTo("consultation.concluded");
    }

    @Test
    void publishesFeedbackWhileCommentsPendingThenConflict() {
        ConsultationFixture f = fixture();
        long id = f.open("劳动关系协调办法（征求意见稿）");
        f.comment(f.citizen("yang"), id, "建议设立劳动争议调解中心。", false);
        f.closeAll();
        problem(f.official.post("/api/consultations/" + id + "/feedback", Map.of("text", "反馈", "decisions", List.of())),
                HttpStatus.CONFLICT)
                .jsonPath("$.errors[0].code").isEqualTo("consultation.pending_comments");
    }

    @Test
    void moderatesUnknownCommentThenNotFound() {
        ConsultationFixture f = fixture();
        problem(f.moderator.post("/api/consultations/comments/999999/approve", Map.of()), HttpStatus.NOT_FOUND);
        problem(f.moderator.post("/api/consultations/comments/999999/reject", Map.of("reason", "不存在")), HttpStatus.NOT_FOUND);
        problem(new PortalClient(port).get("/api/consultations/999999"), HttpStatus.NOT_FOUND);
        problem(new PortalClient(port).get("/api/consultations/1/comments?status=bogus"), HttpStatus.BAD_REQUEST);
        problem(new PortalClient(port).get("/api/consultations?size=1000"), HttpStatus.BAD_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void consultationMessagesExistInEnglishAndChinese() {
        MessageSource messages = app.getBean(MessageSource.class);
        for (String code : List.of("window_short", "window_long", "opens_in_past", "not_editable", "not_withdrawable",
                "not_open", "not_moderatable", "comment_status", "pending_comments", "concluded", "withdrawn", "not_closed",
                "duplicate_comment", "decision", "reason_required", "unknown_comment")) {
            String key = "field.consultation." + code;
            Object[] args = {"90"};
            String english = messages.getMessage(key, args, null, Locale.ENGLISH);
            String chinese = messages.getMessage(key, args, null, Locale.SIMPLIFIED_CHINESE);
            assertThat(english).as(key).isNotNull().doesNotContain("{");
            assertThat(chinese).as(key).isNotNull().isNotEqualTo(english).doesNotContain("{");
        }
    }
}
