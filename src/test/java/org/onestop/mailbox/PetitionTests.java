package org.onestop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * Online petitions (网上信访) through the API on the seeded 2026 calendar: 1, 2, 5, 6 and 7
 * October are holidays, Saturday 10 October is worked. Petitions run on their own statutory clock
 * (15 calendar days to accept, 60 to conclude, by default), through the mailbox's own pipeline.
 */
@MailboxTest
class PetitionTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestClock clock;

    private static int fixtures;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private MailboxFixture fixture() {
        return new MailboxFixture(app, port, "pet" + (++fixtures));
    }

    static Map<String, Object> petition(String mailbox, String kind, String title, String facts, String request) {
        Map<String, Object> p = new HashMap<>(MailboxFixture.letter(mailbox, kind, title, facts));
        p.put("channel", "petition");
        p.put("request", request);
        return p;
    }

    private static JsonNode clockOf(PortalClient who, long id) {
        JsonNode item = MailboxFixture.queued(who, id);
        assertThat(item).as("case %s in the queue", id).isNotNull();
        return item.path("clock");
    }

    private static List<Long> overdue(PortalClient supervisor, String channel) {
        return MailboxFixture.get(supervisor, "/api/mailbox/supervision?size=100&channel=" + channel).path("items").valueStream()
                .map(i -> i.path("id").asLong()).toList();
    }

    @Test
    void petitionRunsOnItsStatutoryClockThroughTriageDispatchTransferReplyAndReview() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer writer = f.writer("w");
        clock.setCity("2026-09-22T10:00");
        JsonNode written = MailboxFixture.write(writer.client(), petition("mayor", "help", "拆迁补偿款未发放",
                "2025年我家房屋被征收，补偿协议约定的补偿款至今未发放。", "请求责成有关部门依约发放补偿款。"));
        long id = written.path("id").asLong();
        assertThat(written.path("trackingNumber").asString()).matches("XF\\d{8}\\d{6}");
        long letter = MailboxFixture.write(writer.client(), MailboxFixture.letter("mayor", "help", "同日来信", "同一天写的信件。"))
                .path("id").asLong();

        JsonNode received = clockOf(f.clerk, id);
        assertThat(received.path("step").asString()).isEqualTo("accept");
        assertThat(received.path("dueOn").asString()).as("15 days on is the holiday of 7 October: the 8th").isEqualTo("2026-10-08");
        assertThat(received.path("counted").asString()).isEqualTo("calendar");
        assertThat(received.path("daysLeft").asInt()).isEqualTo(16);
        assertThat(clockOf(f.clerk, letter).path("dueOn").asString()).as("the letter's 2 working days").isEqualTo("2026-09-24");
        assertThat(MailboxFixture.queued(f.clerk, id).path("channel").asString()).isEqualTo("petition");

        JsonNode mine = MailboxFixture.get(writer.client(), "/api/mailbox/letters/mine").path("items").get(1);
        assertThat(mine.path("id").asLong()).isEqualTo(id);
        assertThat(mine.path("channel").asString()).isEqualTo("petition");
        assertThat(mine.path("clock").path("dueOn").asString()).isEqualTo("2026-10-08");
        JsonNode own = MailboxFixture.get(writer.client(), "/api/mailbox/letters/" + id);
        assertThat(own.path("petitionRequest").asString()).isEqualTo("请求责成有关部门依约发放补偿款。");
        assertThat(own.path("consentToPublish").asBoolean()).as("a petition is never published").isFalse();
        assertThat(own.path("clock").path("dueOn").asString()).isEqualTo("2026-10-08");
        JsonNode tracked = MailboxFixture.ok(new PortalClient(port), "/api/mailbox/track",
                Map.of("number", written.path("trackingNumber").asString(), "code", written.path("queryCode").asString()));
        assertThat(tracked.path("channel").asString()).isEqualTo("petition");
        assertThat(tracked.path("clock").path("dueOn").asString()).isEqualTo("2026-10-08");

        clock.setCity("2026-10-02T09:00");
        assertThat(clockOf(f.clerk, id).path("nearlyDue").asBoolean()).as("6 days left").isFalse();
        clock.setCity("2026-10-03T09:00");
        assertThat(clockOf(f.clerk, id).path("nearlyDue").asBoolean()).as("5 days left").isTrue();
        clock.setCity("2026-10-08T23:59");
        assertThat(clockOf(f.clerk, id).path("overdue").asBoolean()).as("the due day counts in full").isFalse();
        clock.setCity("2026-10-09T09:00");
        assertThat(clockOf(f.clerk, id).path("overdue").asBoolean()).isTrue();
        assertThat(overdue(f.supervisor, "petition")).contains(id).doesNotContain(letter);
        assertThat(overdue(f.supervisor, "mailbox")).contains(letter).doesNotContain(id);
        f.supervisor.get("/api/mailbox/supervision?channel=fax").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown_channel");
        MailboxFixture.ok(f.supervisor, "/api/mailbox/cases/" + id + "/supervise", Map.of("text", "信访事项受理已超期，请今日告知"));

        // Accepted on the 9th: conclusion is due 60 days later, however the case moves meanwhile.
        MailboxFixture.ok(f.clerk, "/api/mailbox/cases/" + id + "/accept", Map.of());
        assertThat(clockOf(f.clerk, id).path("dueOn").asString()).isEqualTo("2026-12-08");
        clock.setCity("2026-10-12T09:00");
        MailboxFixture.ok(f.clerk, "/api/mailbox/cases/" + id + "/dispatch", Map.of("leadDepartmentId", f.department("HRSS")));
        assertThat(clockOf(f.hrss, id).path("step").asString()).isEqualTo("reply");
        assertThat(clockOf(f.hrss, id).path("dueOn").asString()).isEqualTo("2026-12-08");
        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/transfer-back", Map.of("reason", "属住房部门职责"));
        assertThat(clockOf(f.clerk, id).path("dueOn").asString()).as("transferring back does not restart it").isEqualTo("2026-12-08");
        f.dispatch(id);

        clock.setCity("2026-12-03T09:00");
        assertThat(clockOf(f.hrss, id).path("nearlyDue").asBoolean()).as("5 days left").isTrue();
        // Asking the petitioner pauses it with its 5 calendar days; answering on the 10th resumes it.
        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/information-request", Map.of("question", "请提供补偿协议复印件"));
        clock.setCity("2026-12-10T09:00");
        MailboxFixture.ok(writer.client(), "/api/mailbox/letters/" + id + "/supplement", Map.of("text", "补偿协议已补充"));
        assertThat(clockOf(f.hrss, id).path("dueOn").asString()).isEqualTo("2026-12-15");

        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/reply", Map.of("text", "已责成征收部门于本月内发放补偿款。"));
        MailboxFixture.ok(writer.client(), "/api/mailbox/letters/" + id + "/rating", Map.of("satisfaction", 1));
        clock.setCity("2026-12-11T09:00");
        JsonNode reopened = MailboxFixture.ok(writer.client(), "/api/mailbox/letters/" + id + "/reopen", Map.of());
        assertThat(reopened.path("clock").path("dueOn").asString()).as("review: 30 days, the 10 January 2027 a Sunday")
                .isEqualTo("2027-01-11");
        assertThat(MailboxFixture.types(reopened.path("timeline"))).containsSubsequence("received", "accepted", "dispatched",
                "transferred", "dispatched", "information_requested", "information_supplied", "replied", "rated", "reopened");
    }

    @Test
    void petitionIsNeverPublishedAndStaysOutOfThePublicStatistics() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer writer = f.writer("w");
        clock.setCity("2026-08-03T10:00");
        String stats = "/api/mailbox/public/statistics?from=2026-08&to=2026-08";
        long before = MailboxFixture.get(new PortalClient(port), stats).path("total").path("received").asLong();
        Map<String, Object> p = petition("HRSS", "complaint", "劳动仲裁裁决未执行", "仲裁裁决已生效，用人单位拒不执行。", "请求督促执行仲裁裁决。");
        p.put("consentToPublish", true);
        long id = MailboxFixture.write(writer.client(), p).path("id").asLong();
        long letter = MailboxFixture.write(writer.client(), MailboxFixture.letter("HRSS", "complaint", "同月来信", "同月的信件。"))
                .path("id").asLong();
        assertThat(MailboxFixture.get(new PortalClient(port), stats).path("total").path("received").asLong())
                .as("the letter counts, the petition does not").isEqualTo(before + 1);

        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/accept", Map.of());
        JsonNode replied = MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/reply", Map.of("text", "已督促执行。"));
        assertThat(replied.path("consentToPublish").asBoolean()).isFalse();
        assertThat(replied.path("allowedActions").valueStream().map(JsonNode::asString)).doesNotContain("publish");
        f.hrss.post("/api/mailbox/cases/" + id + "/publish", Map.of()).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("petition_not_published");
        assertThat(db.sql("SELECT published FROM mailbox_letter WHERE id = :id").bind("id", id)
                .map(r -> r.get(0, Boolean.class)).one().block(Duration.ofSeconds(5))).isFalse();

        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + letter + "/accept", Map.of());
        JsonNode other = MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + letter + "/reply", Map.of("text", "已处理。"));
        assertThat(other.path("allowedActions").valueStream().map(JsonNode::asString)).contains("publish");
    }

    @Test
    void petitionWithoutRequestAsAConsultationOrWithoutContactIsRefusedAndStoresNothing() {
        MailboxFixture f = fixture();
        PortalClient writer = f.writer("w").client();
        long before = rows();
        Map<String, Object> p = petition("mayor", "consultation", "咨询", "事实", " ");
        p.put("contactPreference", "none");
        JsonNode problem = MailboxFixture.json(MailboxFixture.post(writer, p, List.of()).expectStatus().isBadRequest());
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString() + ":" + e.path("code").asString()))
                .containsExactlyInAnyOrder("request:required", "kind:petition_kind", "contactPreference:petition_contact");
        Map<String, Object> unknown = petition("mayor", "help", "标题", "事实", "请求");
        unknown.put("channel", "fax");
        MailboxFixture.post(writer, unknown, List.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel").jsonPath("$.errors[0].code").isEqualTo("unknown_channel");
        Map<String, Object> longRequest = petition("mayor", "help", "标题", "𠀀".repeat(4000), "请".repeat(501));
        MailboxFixture.post(writer, longRequest, List.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("request").jsonPath("$.errors[0].code").isEqualTo("size");
        assertThat(rows()).isEqualTo(before);
        MailboxFixture.post(writer, petition("mayor", "help", "标题", "𠀀".repeat(4000), "请".repeat(500)),
                List.of(new MailboxFixture.File("协议.pdf", MailboxFixture.PDF))).expectStatus().isCreated();
    }

    private long rows() {
        return db.sql("SELECT count(*) FROM mailbox_letter").map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }
}
