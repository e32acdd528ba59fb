package org.onestop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Publishing a replied letter: automatic masking, manual redaction, and who sees the original. */
@MailboxTest
class PublicationTests {

    private static final String WRITER = "刘晓梅";
    private static final String BODY = WRITER + "反映：我家住在香港中路88号金茂小区3号楼2单元301室，楼下餐馆油烟严重。"
            + "联系人：王建国，电话13812345678，身份证号11010519491231002X。";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private static int fixtures;

    private MailboxFixture fixture() {
        return new MailboxFixture(app, port, "pub" + (++fixtures));
    }

    /** A letter to the mayor, dispatched to HRSS and replied, written by someone named {@link #WRITER}. */
    private long repliedLetter(MailboxFixture f, MailboxFixture.Writer writer, boolean consent) {
        var letter = new java.util.HashMap<>(MailboxFixture.letter("mayor", "complaint", WRITER + "投诉餐馆油烟扰民", BODY));
        letter.put("consentToPublish", consent);
        long id = MailboxFixture.write(writer.client(), letter).path("id").asLong();
        db.sql("UPDATE mailbox_letter SET writer_name = :n WHERE id = :id").bind("n", WRITER).bind("id", id).then()
                .block(Duration.ofSeconds(5));
        f.acceptAndDispatch(id);
        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/reply",
                Map.of("text", WRITER + "您好！经核查，已责令餐馆整改油烟，如有问题请拨打13912345678。"));
        return id;
    }

    @Test
    void publishedLetterShowsOnlyMaskedTextAndOriginalOnlyToAuthorisedStaff() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer writer = f.writer("w");
        MailboxFixture.Writer other = f.writer("other");
        long id = repliedLetter(f, writer, true);
        PortalClient anyone = new PortalClient(port);
        anyone.get("/api/mailbox/public/letters/" + id).expectStatus().isNotFound();

        f.housing.post("/api/mailbox/cases/" + id + "/publish", Map.of()).expectStatus().isNotFound();
        f.civil.post("/api/mailbox/cases/" + id + "/publish", Map.of()).expectStatus().isForbidden();
        other.client().post("/api/mailbox/cases/" + id + "/publish", Map.of()).expectStatus().isForbidden();
        JsonNode published = MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/publish", Map.of());
        assertThat(published.path("published").asBoolean()).isTrue();

        String detailJson = new String(anyone.get("/api/mailbox/public/letters/" + id).expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode detail = MailboxFixture.JSON.readTree(detailJson);
        String shown = detail.path("title").asString() + detail.path("body").asString() + detail.path("reply").asString();
        assertThat(shown).doesNotContain(WRITER, "王建国", "13812345678", "13912345678", "11010519491231002X",
                "3号楼2单元301室", "88号");
        assertThat(shown).contains("138****5678", "1101**********002X", "*号楼*单元***室", "餐馆油烟");
        assertThat(detailJson).doesNotContain("writer", "contact", "attachment", "location", "市南区");
        assertThat(detail.path("department").path("code").asString()).isEqualTo("HRSS");

        JsonNode list = MailboxFixture.get(anyone, "/api/mailbox/public/letters?kind=complaint&department=HRSS");
        JsonNode item = list.path("items").valueStream().filter(i -> i.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(item.path("title").asString()).doesNotContain(WRITER).endsWith("投诉餐馆油烟扰民");
        assertThat(item.toString()).doesNotContain("writer", "13812345678");

        // The original stays with staff who may see the case, and only them.
        assertThat(MailboxFixture.get(f.hrss, "/api/mailbox/cases/" + id).path("body").asString()).isEqualTo(BODY);
        assertThat(MailboxFixture.get(f.clerk, "/api/mailbox/cases/" + id).path("writerName").asString()).isEqualTo(WRITER);
        f.housing.get("/api/mailbox/cases/" + id).expectStatus().isNotFound();
        f.housing.get("/api/mailbox/cases/" + id + "/publication").expectStatus().isNotFound();
        other.client().get("/api/mailbox/cases/" + id).expectStatus().isForbidden();
        other.client().get("/api/mailbox/letters/" + id).expectStatus().isNotFound();
    }

    @Test
    void manualRedactionRemovesMoreButCannotAddOrUnmaskText() {
        MailboxFixture f = fixture();
        long id = repliedLetter(f, f.writer("w"), true);
        String body = MailboxFixture.ok(f.clerk, "/api/mailbox/cases/" + id + "/publish", Map.of()).path("body").asString();

        String redacted = body.replace("餐馆", "＊＊");
        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/redact", Map.of("body", redacted));
        JsonNode detail = MailboxFixture.get(new PortalClient(port), "/api/mailbox/public/letters/" + id);
        assertThat(detail.path("body").asString()).isEqualTo(redacted).doesNotContain("餐馆");

        for (String attempt : List.of(redacted + "补充说明", redacted.replace("油烟", "噪音"), redacted.replace("138****5678", "13812345678"),
                redacted.substring(1))) {
            f.hrss.post("/api/mailbox/cases/" + id + "/redact", Map.of("body", attempt)).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json");
        }
        assertThat(MailboxFixture.get(new PortalClient(port), "/api/mailbox/public/letters/" + id).path("body").asString())
                .isEqualTo(redacted);

        JsonNode staff = MailboxFixture.get(f.hrss, "/api/mailbox/cases/" + id);
        assertThat(MailboxFixture.types(staff.path("timeline"))).contains("published", "redacted");
        List<String> audited = db.sql("SELECT action || ':' || actor_id FROM audit_log WHERE target_type = 'mailbox_letter' "
                        + "AND target_id = :id AND action IN ('mailbox.letter.published', 'mailbox.letter.redacted') ORDER BY id")
                .bind("id", String.valueOf(id)).map(r -> r.get(0, String.class)).all().collectList().block(Duration.ofSeconds(5));
        assertThat(audited).containsExactly("mailbox.letter.published:" + f.clerkId, "mailbox.letter.redacted:" + f.hrssId);

        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/unpublish", Map.of());
        new PortalClient(port).get("/api/mailbox/public/letters/" + id).expectStatus().isNotFound();
    }

    @Test
    void publishingWithoutConsentOrBeforeReplyIsRefusedWithConflict() {
        MailboxFixture f = fixture();
        long noConsent = repliedLetter(f, f.writer("w"), false);
        f.clerk.post("/api/mailbox/cases/" + noConsent + "/publish", Map.of()).expectStatus().isEqualTo(409);

        long open = MailboxFixture.write(f.writer("v").client(), MailboxFixture.letter("mayor", "help", "路灯不亮", "小区门口路灯不亮。"))
                .path("id").asLong();
        f.clerk.post("/api/mailbox/cases/" + open + "/publish", Map.of()).expectStatus().isEqualTo(409);
        new PortalClient(port).get("/api/mailbox/public/letters/" + noConsent).expectStatus().isNotFound();
    }
}
