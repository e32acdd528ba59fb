package org.onestop.mailbox.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;

/** Who may publish, comment, moderate and conclude, and when the window allows it. */
@PortalTest
@Import(MovableClock.Configuration.class)
class ConsultationAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static int fixtures;

    private ConsultationFixture fixture() {
        return new ConsultationFixture(app, port, "ca" + (++fixtures));
    }

    private static Map<String, Object> window(ConsultationFixture f) {
        return ConsultationFixture.draft("市民不能发布的草案", f.now().plus(Duration.ofHours(1)), f.now().plus(Duration.ofDays(8)));
    }

    @Test
    void createsWhenCitizenThenForbidden() {
        ConsultationFixture f = fixture();
        f.citizen("zhang").post("/api/consultations", window(f)).expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json");
        f.moderator.post("/api/consultations", window(f)).expectStatus().isForbidden();
        assertThat(f.count("SELECT count(*) FROM consultation WHERE title = '市民不能发布的草案'")).isZero();
    }

    @Test
    void createsForAnotherDepartmentThenForbidden() {
        ConsultationFixture f = fixture();
        Map<String, Object> body = new java.util.HashMap<>(window(f));
        body.put("departmentId", f.hrss);
        f.otherOfficial.post("/api/consultations", body).expectStatus().isForbidden();
        assertThat(f.count("SELECT count(*) FROM consultation WHERE title = '市民不能发布的草案'")).isZero();
    }

    @Test
    void moderatesOrConcludesWhenOfficialOfAnotherDepartmentThenForbidden() {
        ConsultationFixture f = fixture();
        long id = f.open("失业保险金申领办法（征求意见稿）");
        long comment = f.comment(f.citizen("qian"), id, "建议延长申领期限。", false);
        f.otherOfficial.post("/api/consultations/comments/" + comment + "/approve", Map.of()).expectStatus().isForbidden();
        f.otherOfficial.post("/api/consultations/comments/" + comment + "/reject", Map.of("reason", "不相关"))
                .expectStatus().isForbidden();
        f.otherOfficial.get("/api/consultations/" + id + "/comments?status=pending").expectStatus().isForbidden();
        f.otherOfficial.post("/api/consultations/" + id + "/withdraw", Map.of()).expectStatus().isForbidden();
        f.official.post("/api/consultations/comments/" + comment + "/approve", Map.of()).expectStatus().isOk();
        f.closeAll();
        f.otherOfficial.post("/api/consultations/" + id + "/feedback", Map.of("text", "越权发布的反馈",
                "decisions", List.of(Map.of("commentId", comment, "decision", "adopted")))).expectStatus().isForbidden();
        f.moderator.post("/api/consultations/" + id + "/feedback", Map.of("text", "审核员不能发布反馈",
                "decisions", List.of())).expectStatus().isForbidden();
        assertThat(f.count("SELECT count(*) FROM consultation WHERE id = $1 AND feedback_published_at IS NULL", id)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM consultation_comment WHERE id = $1 AND decision IS NULL", comment)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action LIKE 'consultation.%' AND target_id = $1"
                + " AND action <> 'consultation.comment.approved'", String.valueOf(comment))).isZero();
    }

    @Test
    void commentsWhenAnonymousThenUnauthorized() {
        ConsultationFixture f = fixture();
        long id = f.open("城镇职工医保办法（征求意见稿）");
        new PortalClient(port).post("/api/consultations/" + id + "/comments", Map.of("text", "匿名访客的意见"))
                .expectStatus().isUnauthorized().expectHeader().contentType("application/problem+json");
        new PortalClient(port).get("/api/consultations/" + id + "/comments/mine").expectStatus().isUnauthorized();
        new PortalClient(port).get("/api/consultations/" + id + "/comments?status=pending").expectStatus().isUnauthorized();
        assertThat(f.count("SELECT count(*) FROM consultation_comment WHERE consultation_id = $1", id)).isZero();
    }

    @Test
    void commentsWhenStaffThenForbidden() {
        ConsultationFixture f = fixture();
        long id = f.open("人才引进办法（征求意见稿）");
        f.official.post("/api/consultations/" + id + "/comments", Map.of("text", "工作人员自己的意见")).expectStatus().isForbidden();
    }

    @Test
    void readsReviewQueueWhenCitizenThenForbiddenButApprovedListIsPublic() {
        ConsultationFixture f = fixture();
        long id = f.open("就业见习管理办法（征求意见稿）");
        PortalClient sun = f.citizen("sun");
        long pending = f.comment(sun, id, "见习补贴标准建议提高。", false);
        for (String status : List.of("pending", "rejected", "all")) {
            sun.get("/api/consultations/" + id + "/comments?status=" + status).expectStatus().isForbidden();
        }
        sun.get("/api/consultations/" + id + "/comments?status=approved").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        List<tools.jackson.databind.JsonNode> queue = f.comments(f.moderator, id, "?status=pending");
        assertThat(queue).singleElement().satisfies(c -> {
            assertThat(c.path("id").asLong()).isEqualTo(pending);
            assertThat(c.path("author").path("displayName").asString()).isEqualTo("网友" + f.prefix + "_sun");
        });
        assertThat(f.comments(f.official, id, "?status=all")).hasSize(1);
    }

    @Test
    void commentsBeforeOpenOrAfterCloseThenConflict() {
        ConsultationFixture f = fixture();
        long id = f.upcoming("公益性岗位管理办法（征求意见稿）", 3);
        PortalClient zhou = f.citizen("zhou");
        zhou.post("/api/consultations/" + id + "/comments", Map.of("text", "还没开始就提意见")).expectStatus()
                .isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.errors[0].code").isEqualTo("consultation.not_open");
        f.clock.advance(Duration.ofHours(2));
        f.comment(zhou, id, "征集期内的意见", false);
        f.clock.advance(Duration.ofDays(4));
        zhou.post("/api/consultations/" + id + "/comments", Map.of("text", "截止以后才提意见")).expectStatus()
                .isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.errors[0].code").isEqualTo("consultation.not_open");
        assertThat(f.count("SELECT count(*) FROM consultation_comment WHERE consultation_id = $1", id)).isEqualTo(1);
    }

    @Test
    void commentsBeyondTheDailyLimitThenTooManyRequests() {
        ConsultationFixture f = fixture();
        long id = f.open("创业担保贷款办法（征求意见稿）");
        long other = f.upcoming("创业孵化基地办法（征求意见稿）", 7);
        f.clock.advance(Duration.ofHours(2));
        PortalClient wu = f.citizen("wu");
        for (int i = 1; i <= 5; i++) {
            f.comment(wu, id, "第" + i + "条意见：建议提高贷款额度。", false);
        }
        wu.post("/api/consultations/" + id + "/comments", Map.of("text", "第6条意见"))
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists("Retry-After");
        f.comment(wu, other, "另一项征集不受影响。", false);
        assertThat(f.count("SELECT count(*) FROM consultation_comment WHERE consultation_id = $1", id)).isEqualTo(5);
    }

    @Test
    void rejectsWhenReasonMissingThenBadRequestAndStillPending() {
        ConsultationFixture f = fixture();
        long id = f.open("技工院校管理办法（征求意见稿）");
        long comment = f.comment(f.citizen("zheng"), id, "建议增加校企合作内容。", false);
        f.moderator.post("/api/consultations/comments/" + comment + "/reject", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason").jsonPath("$.errors[0].code").isEqualTo("required");
        assertThat(f.count("SELECT count(*) FROM consultation_comment WHERE id = $1 AND status = 'pending'", comment)).isEqualTo(1);
    }
}
