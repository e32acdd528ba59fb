package org.onestop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Deadlines through the API on the seeded 2026 calendar around 国庆: 1, 2, 5, 6 and 7 October
 * are holidays (3 and 4 a weekend), Saturday 10 October is worked. The clock is set per step.
 */
@MailboxTest
class MailboxDeadlineApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static JsonNode clockOf(JsonNode item) {
        return item.path("clock");
    }

    @Test
    void dueDatesAndFlagsOfAcceptAndReplyStepsFollowTheHolidayCalendar() {
        MailboxFixture f = new MailboxFixture(app, port, "due");
        MailboxFixture.Writer writer = f.writer("w");
        clock.setCity("2026-09-30T10:00");
        long id = MailboxFixture.write(writer.client(), MailboxFixture.letter("mayor", "consultation", "国庆期间办证",
                "国庆假期期间出入境证件能否办理？")).path("id").asLong();
        JsonNode received = clockOf(MailboxFixture.queued(f.clerk, id));
        assertThat(received.path("step").asString()).isEqualTo("accept");
        assertThat(received.path("dueOn").asString()).as("the holiday week is skipped").isEqualTo("2026-10-09");
        assertThat(received.path("workingDaysLeft").asInt()).isEqualTo(2);

        clock.setCity("2026-10-07T09:00");
        assertThat(clockOf(MailboxFixture.queued(f.clerk, id)).path("nearlyDue").asBoolean()).isTrue();
        assertThat(clockOf(MailboxFixture.queued(f.clerk, id)).path("overdue").asBoolean()).isFalse();
        clock.setCity("2026-10-09T23:59");
        assertThat(clockOf(MailboxFixture.queued(f.clerk, id)).path("overdue").asBoolean()).as("the due day counts in full").isFalse();

        clock.setCity("2026-10-10T09:00");
        JsonNode late = clockOf(MailboxFixture.queued(f.clerk, id));
        assertThat(late.path("overdue").asBoolean()).as("the worked Saturday after the due day").isTrue();
        assertThat(late.path("nearlyDue").asBoolean()).isFalse();
        JsonNode escalated = MailboxFixture.get(f.supervisor, "/api/mailbox/supervision?size=100").path("items").valueStream()
                .filter(i -> i.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(escalated.path("assignment").asString()).isEqualTo("overdue");
        MailboxFixture.ok(f.supervisor, "/api/mailbox/cases/" + id + "/supervise", Map.of("text", "请于今日完成受理"));
        assertThat(MailboxFixture.queued(f.clerk, id).path("supervision").path("text").asString()).isEqualTo("请于今日完成受理");

        MailboxFixture.ok(f.clerk, "/api/mailbox/cases/" + id + "/accept", Map.of());
        assertThat(clockOf(MailboxFixture.queued(f.clerk, id)).path("dueOn").asString()).as("dispatch: next working day")
                .isEqualTo("2026-10-12");
        clock.setCity("2026-10-12T09:00");
        MailboxFixture.ok(f.clerk, "/api/mailbox/cases/" + id + "/dispatch", Map.of("leadDepartmentId", f.department("HRSS")));
        JsonNode reply = clockOf(MailboxFixture.queued(f.hrss, id));
        assertThat(reply.path("step").asString()).isEqualTo("reply");
        assertThat(reply.path("dueOn").asString()).as("10 working days for a consultation").isEqualTo("2026-10-26");

        clock.setCity("2026-10-21T09:00");
        assertThat(clockOf(MailboxFixture.queued(f.hrss, id)).path("nearlyDue").asBoolean()).as("3 days left").isFalse();
        clock.setCity("2026-10-22T09:00");
        assertThat(clockOf(MailboxFixture.queued(f.hrss, id)).path("nearlyDue").asBoolean()).as("2 days left").isTrue();

        // Asking the writer pauses the clock with its 2 days left; answering on the 29th resumes it.
        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/information-request", Map.of("question", "请提供护照号码以便查询"));
        JsonNode paused = MailboxFixture.queued(f.hrss, id);
        assertThat(paused.path("status").asString()).isEqualTo("awaiting_writer");
        assertThat(clockOf(paused).path("dueOn").isNull()).isTrue();
        clock.setCity("2026-10-29T09:00");
        JsonNode answered = MailboxFixture.ok(writer.client(), "/api/mailbox/letters/" + id + "/supplement", Map.of("text", "护照号码已通过电话告知"));
        assertThat(answered.path("status").asString()).isEqualTo("handling");
        assertThat(clockOf(MailboxFixture.queued(f.hrss, id)).path("dueOn").asString()).isEqualTo("2026-11-02");

        clock.setCity("2026-11-03T09:00");
        assertThat(clockOf(MailboxFixture.queued(f.hrss, id)).path("overdue").asBoolean()).isTrue();
        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/reply", Map.of("text", "国庆假期期间出入境窗口正常办公。"));
        assertThat(MailboxFixture.queued(f.hrss, id)).as("replied: off the queue").isNull();
    }

    @Test
    void replyNotRatedWithinTheWindowClosesWhenRead() {
        MailboxFixture f = new MailboxFixture(app, port, "window");
        MailboxFixture.Writer writer = f.writer("w");
        clock.setCity("2026-11-02T10:00");
        long id = MailboxFixture.write(writer.client(), MailboxFixture.letter("mayor", "help", "路灯不亮", "小区门口路灯不亮。"))
                .path("id").asLong();
        f.acceptAndDispatch(id);
        MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/reply", Map.of("text", "已通知维修。"));
        clock.setCity("2026-11-17T09:59");
        assertThat(MailboxFixture.get(writer.client(), "/api/mailbox/letters/" + id).path("canRate").asBoolean()).isTrue();
        clock.setCity("2026-11-17T10:01");
        JsonNode closed = MailboxFixture.get(writer.client(), "/api/mailbox/letters/" + id);
        assertThat(closed.path("status").asString()).isEqualTo("closed");
        assertThat(MailboxFixture.types(closed.path("timeline"))).endsWith("replied", "closed");
        writer.client().post("/api/mailbox/letters/" + id + "/rating", Map.of("satisfaction", 4)).expectStatus().isEqualTo(409);
    }
}
