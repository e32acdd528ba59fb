package org.onestop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.live.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** A letter from writing to closing, through every office that handles it. */
@MailboxTest
class LetterLifecycleTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private static int fixtures;

    private MailboxFixture fixture() {
        return new MailboxFixture(app, port, "life" + (++fixtures));
    }

    @Test
    void letterGoesFromWritingThroughTriageDispatchOpinionReplyAndRatingToClosed() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer writer = f.writer("w");
        try (WsClient ws = WsClient.connect(port, writer.client().cookies(), "http://localhost:" + port)) {
            assertThat(ws.join("user:" + writer.id(), null).path("status").asString()).isEqualTo("ok");

            JsonNode written = MailboxFixture.write(writer.client(), MailboxFixture.letter("mayor", "consultation",
                    "灵活就业人员如何参加社保", "我是外卖骑手，想了解灵活就业人员参加养老保险的办法。"),
                    new MailboxFixture.File("社保截图.png", MailboxFixture.PNG));
            long id = written.path("id").asLong();
            String number = written.path("trackingNumber").asString();
            String code = written.path("queryCode").asString();
            assertThat(number).matches("XX\\d{8}\\d{6}");
            assertThat(code).hasSize(8);

            JsonNode queued = MailboxFixture.queued(f.clerk, id);
            assertThat(queued.path("assignment").asString()).isEqualTo("triage");
            assertThat(queued.path("clock").path("step").asString()).isEqualTo("accept");

            f.acceptAndDispatch(id);
            assertThat(MailboxFixture.queued(f.hrss, id).path("assignment").asString()).isEqualTo("lead");
            assertThat(MailboxFixture.queued(f.civil, id).path("assignment").asString()).isEqualTo("co");
            assertThat(MailboxFixture.queued(f.clerk, id)).as("dispatched: no longer the office's").isNull();

            MailboxFixture.ok(f.civil, "/api/mailbox/cases/" + id + "/opinions", Map.of("text", "内部意见：可参照灵活就业参保指南答复"));
            MailboxFixture.ok(f.clerk, "/api/mailbox/cases/" + id + "/notes", Map.of("text", "内部备注：来信人曾致电询问"));

            JsonNode templates = MailboxFixture.get(f.hrss, "/api/mailbox/cases/" + id + "/templates");
            long template = templates.get(0).path("id").asLong();
            String draft = MailboxFixture.get(f.hrss, "/api/mailbox/cases/" + id + "/draft?template=" + template).path("text").asString();
            assertThat(draft).contains(number).contains("灵活就业人员如何参加社保").contains("市人力资源和社会保障局");
            MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/reply", Map.of("text", "您好！灵活就业人员可凭身份证在社保经办窗口或网上办理参保登记。"));

            JsonNode rated = MailboxFixture.ok(writer.client(), "/api/mailbox/letters/" + id + "/rating",
                    Map.of("satisfaction", 5, "comment", "答复及时清楚"));
            assertThat(rated.path("status").asString()).isEqualTo("closed");
            assertThat(rated.path("rating").path("satisfaction").asInt()).isEqualTo(5);

            List<String> publicSteps = List.of("received", "accepted", "dispatched", "replied", "rated", "closed");
            assertThat(MailboxFixture.types(rated.path("timeline"))).containsExactlyElementsOf(publicSteps);
            JsonNode tracked = MailboxFixture.ok(new org.onestop.PortalClient(port), "/api/mailbox/track",
                    Map.of("number", number, "code", code));
            assertThat(tracked.path("status").asString()).isEqualTo("closed");
            assertThat(MailboxFixture.types(tracked.path("timeline"))).containsExactlyElementsOf(publicSteps);
            assertThat(tracked.toString()).doesNotContain("内部意见").doesNotContain("内部备注").doesNotContain("民政局协办");

            JsonNode staff = MailboxFixture.get(f.clerk, "/api/mailbox/cases/" + id);
            assertThat(MailboxFixture.types(staff.path("timeline")))
                    .containsExactly("received", "accepted", "dispatched", "opinion", "note", "replied", "rated", "closed");

            List<String> audit = db.sql("""
                    SELECT actor_id || ' ' || action FROM audit_log WHERE target_type = 'mailbox_letter' AND target_id = :id ORDER BY id""")
                    .bind("id", String.valueOf(id)).map(r -> r.get(0, String.class)).all().collectList().block(Duration.ofSeconds(5));
            assertThat(audit).containsExactly(
                    writer.id() + " mailbox.letter.written",
                    f.clerkId + " mailbox.letter.accepted",
                    f.clerkId + " mailbox.letter.dispatched",
                    f.civilId + " mailbox.letter.opinion_added",
                    f.clerkId + " mailbox.letter.noted",
                    f.hrssId + " mailbox.letter.replied",
                    writer.id() + " mailbox.letter.rated",
                    // the clerk opening the case above: staff reading a citizen's letter is audited too
                    f.clerkId + " personal_record.viewed");

            String topic = "user:" + writer.id();
            ws.awaitFrames(frames -> ws.events(topic).size() >= 6);
            assertThat(ws.events(topic)).allSatisfy(e -> {
                assertThat(e.path("type").asString()).isEqualTo("letter.status");
                assertThat(e.path("data").path("letterId").asLong()).isEqualTo(id);
            });
            assertThat(ws.events(topic).stream().map(e -> e.path("data").path("step").asString()).toList())
                    .containsExactlyElementsOf(publicSteps);
            assertThat(ws.events(topic).stream().map(e -> e.path("data").path("status").asString()).toList())
                    .containsExactly("received", "accepted", "handling", "replied", "replied", "closed");
        }
    }

    @Test
    void dissatisfiedWriterReopensOnceAndASecondReopenIsRefused() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer writer = f.writer("w");
        long id = MailboxFixture.write(writer.client(), MailboxFixture.letter("mayor", "complaint", "小区电梯长期停运",
                "小区3号楼电梯已停运两个月，物业不予维修。")).path("id").asLong();
        f.acceptAndDispatch(id);
        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/reply", Map.of("text", "已转物业处理。"));
        writer.client().post("/api/mailbox/letters/" + id + "/reopen", Map.of()).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("not_dissatisfied");
        JsonNode rated = MailboxFixture.ok(writer.client(), "/api/mailbox/letters/" + id + "/rating",
                Map.of("satisfaction", 1, "comment", "问题没有解决"));
        assertThat(rated.path("status").asString()).isEqualTo("replied");
        assertThat(rated.path("canReopen").asBoolean()).isTrue();

        JsonNode reopened = MailboxFixture.ok(writer.client(), "/api/mailbox/letters/" + id + "/reopen", Map.of());
        assertThat(reopened.path("status").asString()).isEqualTo("handling");
        assertThat(MailboxFixture.queued(f.hrss, id).path("clock").path("step").asString()).isEqualTo("reply");

        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/reply", Map.of("text", "已责令物业限期修复电梯。"));
        JsonNode second = MailboxFixture.ok(writer.client(), "/api/mailbox/letters/" + id + "/rating", Map.of("satisfaction", 2));
        assertThat(second.path("status").asString()).as("no reopening left: a second low rating closes").isEqualTo("closed");
        writer.client().post("/api/mailbox/letters/" + id + "/reopen", Map.of()).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("reopen_used");
        assertThat(MailboxFixture.types(second.path("timeline")))
                .containsExactly("received", "accepted", "dispatched", "replied", "rated", "reopened", "replied", "rated", "closed");
    }

    @Test
    void departmentTriagesItsOwnMailboxAndMayTransferTheLetterBackToTheCityOffice() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer writer = f.writer("w");
        long first = MailboxFixture.write(writer.client(), MailboxFixture.letter("HRSS", "help", "工资被拖欠",
                "公司拖欠工资三个月，请求帮助。")).path("id").asLong();
        assertThat(MailboxFixture.queued(f.clerk, first)).as("not the city office's").isNull();
        assertThat(MailboxFixture.queued(f.hrss, first).path("assignment").asString()).isEqualTo("triage");
        JsonNode accepted = MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + first + "/accept", Map.of());
        assertThat(accepted.path("status").asString()).isEqualTo("handling");
        assertThat(accepted.path("leadDepartment").path("code").asString()).isEqualTo("HRSS");

        long second = MailboxFixture.write(writer.client(), MailboxFixture.letter(String.valueOf(f.department("HRSS")),
                "suggestion", "建议增设公交线路", "建议开通地铁站到产业园的接驳公交。")).path("id").asLong();
        JsonNode back = MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + second + "/transfer-back", Map.of("reason", "属交通部门职责"));
        assertThat(back.path("status").asString()).isEqualTo("received");
        assertThat(back.path("triageDepartment").isNull()).isTrue();
        assertThat(MailboxFixture.queued(f.clerk, second).path("assignment").asString()).isEqualTo("triage");
        f.hrss.get("/api/mailbox/cases/" + second).expectStatus().isNotFound();
    }

    @Test
    void attachmentIsServedOnlyToItsWriterAndStaffAsADownloadOfTheCheckedType() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer writer = f.writer("w");
        MailboxFixture.Writer other = f.writer("o");
        JsonNode written = MailboxFixture.write(writer.client(), MailboxFixture.letter("mayor", "criticism", "窗口服务态度差",
                "办事窗口工作人员态度恶劣。"), new MailboxFixture.File("证明", MailboxFixture.PDF));
        long id = written.path("id").asLong();
        JsonNode attachment = MailboxFixture.get(writer.client(), "/api/mailbox/letters/" + id).path("attachments").get(0);
        assertThat(attachment.path("fileName").asString()).isEqualTo("证明.pdf");
        String path = "/api/mailbox/letters/" + id + "/attachments/" + attachment.path("id").asLong();
        byte[] body = writer.client().get(path).expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().value("Content-Disposition", v -> assertThat(v).startsWith("attachment;"))
                .expectBody().returnResult().getResponseBodyContent();
        assertThat(body).isEqualTo(MailboxFixture.PDF);
        f.clerk.get(path).expectStatus().isOk();
        other.client().get(path).expectStatus().isNotFound();
        f.housing.get(path).expectStatus().isNotFound();
    }
}
