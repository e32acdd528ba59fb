package org.onestop.mailbox.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** A consultation from draft to feedback, on the movable clock, seen by the public, the authors and the audit. */
@PortalTest
@Import(MovableClock.Configuration.class)
class ConsultationLifecycleTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static int fixtures;

    private ConsultationFixture fixture() {
        return new ConsultationFixture(app, port, "cl" + (++fixtures));
    }

    @Test
    void draftOpensTakesModeratedCommentsAndConcludesWithFeedback() {
        ConsultationFixture f = fixture();
        PortalClient anyone = new PortalClient(port);
        long id = f.upcoming("就业补贴管理办法（征求意见稿）", 7);
        anyone.get("/api/consultations/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("upcoming")
                .jsonPath("$.department").isEqualTo("市人力资源和社会保障局")
                .jsonPath("$.text").isEqualTo("第一条 为了规范本市就业补贴的发放，制定本办法。\n\n第二条 本办法适用于本市行政区域内的就业补贴。");

        f.clock.advance(java.time.Duration.ofHours(2));
        anyone.get("/api/consultations/" + id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("open");

        PortalClient wang = f.citizen("wang");
        PortalClient li = f.citizen("li");
        long adoptedOne = f.comment(wang, id, "建议将灵活就业人员纳入补贴范围。", false);
        long rejectedOne = f.comment(li, id, "与本办法无关的广告内容", false);
        long anonymousOne = f.comment(li, id, "建议明确补贴申领的办理时限。有问题可打我电话13912345678。", true);
        assertThat(f.comments(anyone, id, "")).as("nothing is public before review").isEmpty();

        f.moderator.post("/api/consultations/comments/" + adoptedOne + "/approve", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("approved");
        f.official.post("/api/consultations/comments/" + rejectedOne + "/reject", Map.of("reason", "与征求意见内容无关"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("rejected");
        f.official.post("/api/consultations/comments/" + anonymousOne + "/approve", Map.of()).expectStatus().isOk();
        f.official.post("/api/consultations/comments/" + anonymousOne + "/approve", Map.of())
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].code").isEqualTo("consultation.comment_status");

        List<JsonNode> published = f.comments(anyone, id, "");
        assertThat(published).extracting(c -> c.path("id").asLong()).containsExactly(adoptedOne, anonymousOne);
        assertThat(published.get(0).path("author").asString()).isEqualTo("网友" + f.prefix + "_wang");
        assertThat(published.get(1).path("author").asString()).isEqualTo("匿名");
        assertThat(published.toString()).doesNotContain("与本办法无关").doesNotContain(f.prefix + "_li");
        assertThat(published.get(1).path("text").asString()).as("personal data is masked in public")
                .startsWith("建议明确补贴申领的办理时限。").doesNotContain("13912345678");
        List<JsonNode> mine = ConsultationFixture.json(li.get("/api/consultations/" + id + "/comments/mine").expectStatus().isOk())
                .valueStream().toList();
        assertThat(mine).filteredOn(c -> c.path("id").asLong() == rejectedOne).singleElement()
                .satisfies(c -> assertThat(c.path("reason").asString()).isEqualTo("与征求意见内容无关"));
        anyone.get("/api/consultations/" + id).expectStatus().isOk().expectBody().jsonPath("$.approvedComments").isEqualTo(2);

        f.closeAll();
        anyone.get("/api/consultations/" + id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("closed");
        f.official.post("/api/consultations/" + id + "/feedback", Map.of(
                        "text", "共收到意见3条，公开2条。经研究，采纳1条，未采纳1条。",
                        "decisions", List.of(
                                Map.of("commentId", adoptedOne, "decision", "adopted"),
                                Map.of("commentId", anonymousOne, "decision", "not_adopted",
                                        "reason", "办理时限已由上位法规定。"))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("concluded")
                .jsonPath("$.feedback.text").isEqualTo("共收到意见3条，公开2条。经研究，采纳1条，未采纳1条。")
                .jsonPath("$.feedback.counts.approved").isEqualTo(2)
                .jsonPath("$.feedback.counts.adopted").isEqualTo(1)
                .jsonPath("$.feedback.counts.notAdopted").isEqualTo(1)
                .jsonPath("$.feedback.counts.partlyAdopted").isEqualTo(0);

        anyone.get("/api/consultations?status=concluded").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == " + id + ")].approvedComments").isEqualTo(2);
        List<JsonNode> notAdopted = f.comments(anyone, id, "?decision=not_adopted");
        assertThat(notAdopted).singleElement().satisfies(c -> {
            assertThat(c.path("id").asLong()).isEqualTo(anonymousOne);
            assertThat(c.path("decisionReason").asString()).isEqualTo("办理时限已由上位法规定。");
        });

        // Every staff action left an audit row naming its actor.
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'consultation.created' AND target_id = $1 AND actor_id = $2",
                String.valueOf(id), f.officialId)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'consultation.comment.approved' AND target_id = $1 AND actor_id = $2",
                String.valueOf(adoptedOne), f.moderatorId)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'consultation.comment.rejected' AND target_id = $1 AND actor_id = $2"
                + " AND detail->>'reason' = '与征求意见内容无关'", String.valueOf(rejectedOne), f.officialId)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'consultation.comment.approved' AND target_id = $1 AND actor_id = $2",
                String.valueOf(anonymousOne), f.officialId)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'consultation.feedback.published' AND target_id = $1 AND actor_id = $2"
                + " AND (detail->>'adopted')::int = 1", String.valueOf(id), f.officialId)).isEqualTo(1);
    }

    @Test
    void editingIsAllowedOnlyBeforeTheWindowOpensAndIsAudited() {
        ConsultationFixture f = fixture();
        long id = f.upcoming("养老服务补贴办法（征求意见稿）", 14);
        java.time.Instant opens = f.now().plus(java.time.Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        f.official.http().put().uri("/api/consultations/" + id)
                .header("X-XSRF-TOKEN", f.official.cookies().get("XSRF-TOKEN"))
                .bodyValue(ConsultationFixture.draft("养老服务补贴办法（修改稿）", opens, opens.plus(java.time.Duration.ofDays(30))))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("养老服务补贴办法（修改稿）")
                .jsonPath("$.closesAt").isEqualTo(opens.plus(java.time.Duration.ofDays(30)).toString());
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'consultation.edited' AND target_id = $1"
                + " AND detail->>'previousTitle' = '养老服务补贴办法（征求意见稿）'", String.valueOf(id))).isEqualTo(1);

        f.clock.advance(java.time.Duration.ofHours(4));
        f.official.http().put().uri("/api/consultations/" + id)
                .header("X-XSRF-TOKEN", f.official.cookies().get("XSRF-TOKEN"))
                .bodyValue(ConsultationFixture.draft("开放后再改", f.now(), f.now().plus(java.time.Duration.ofDays(30))))
                .exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("consultation.not_editable");
        new PortalClient(port).get("/api/consultations/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("养老服务补贴办法（修改稿）");
    }

    @Test
    void withdrawnDraftLeavesThePublicListAndTakesNoComments() {
        ConsultationFixture f = fixture();
        long id = f.open("职业技能培训补贴办法（征求意见稿）");
        PortalClient zhao = f.citizen("zhao");
        f.official.post("/api/consultations/" + id + "/withdraw", Map.of("reason", "政策调整，另行征求意见"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("withdrawn");
        PortalClient anyone = new PortalClient(port);
        anyone.get("/api/consultations/" + id).expectStatus().isNotFound();
        anyone.get("/api/consultations?size=100").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == " + id + ")]").isEmpty();
        zhao.post("/api/consultations/" + id + "/comments", Map.of("text", "撤回后还能提意见吗？")).expectStatus().isNotFound();
        f.official.get("/api/consultations/" + id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("withdrawn");
        f.official.post("/api/consultations/" + id + "/withdraw", Map.of()).expectStatus().isEqualTo(409);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'consultation.withdrawn' AND target_id = $1"
                + " AND detail->>'reason' = '政策调整，另行征求意见'", String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void listFiltersByStatusAndDepartment() {
        ConsultationFixture f = fixture();
        long upcoming = f.upcoming("公共就业服务办法（征求意见稿）", 10);
        PortalClient anyone = new PortalClient(port);
        anyone.get("/api/consultations?status=upcoming&department=" + f.hrss).expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == " + upcoming + ")].status").isEqualTo("upcoming")
                .jsonPath("$.items[?(@.id == " + upcoming + ")].departmentEn")
                .isEqualTo("Municipal Bureau of Human Resources and Social Security");
        anyone.get("/api/consultations?status=open").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == " + upcoming + ")]").isEmpty();
        long education = f.db.sql("SELECT id FROM department WHERE code = 'EDU'").map(r -> r.get(0, Long.class)).one()
                .block(java.time.Duration.ofSeconds(5));
        anyone.get("/api/consultations?department=" + education).expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == " + upcoming + ")]").isEmpty();
        anyone.get("/api/consultations?status=bogus").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("status");
    }
}
