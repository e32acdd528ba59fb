package org.onestop.disclosure.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.mailbox.TestClock;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The statutory clock through the API on the seeded 2026 calendar around 国庆: 1, 2, 5, 6 and
 * 7 October are holidays (3 and 4 a weekend), Saturday 10 October is worked. Expected dates are
 * counted by hand in the comments. The clock is set per step.
 */
@RequestTest
class DisclosureClockApiTests {

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

    private static JsonNode clockIn(PortalClient who, long id) {
        return RequestFixture.get(who, "/api/disclosure/requests/" + id).path("clock");
    }

    @Test
    void dueDateExtensionAndOverdueFlagFollowTheHolidayCalendar() {
        RequestFixture f = new RequestFixture(app, port, "clk");
        PortalClient citizen = f.citizen("a");
        PortalClient official = f.staff("hrss", "HRSS", Role.OFFICIAL);

        clock.setCity("2026-09-30T10:00");
        JsonNode submitted = f.apply(citizen, "HRSS", "electronic");
        long id = submitted.path("id").asLong();
        // After Wed 30 Sep: 8 Oct (1), 9 (2), Sat 10 worked (3), 12-16 (8), 19-23 (13), 26-30 (18), 2 Nov (19), 3 Nov (20).
        assertThat(submitted.path("clock").path("dueOn").asString()).isEqualTo("2026-11-03");
        assertThat(submitted.path("number").asString()).matches("YSQ2026-\\d{6}");

        clock.setCity("2026-10-29T09:00");
        JsonNode near = clockIn(official, id);
        // 30 Oct, 2 Nov, 3 Nov left.
        assertThat(near.path("workingDaysLeft").asInt()).isEqualTo(3);
        assertThat(near.path("nearlyDue").asBoolean()).isTrue();

        clock.setCity("2026-11-03T17:00");
        JsonNode extended = RequestFixture.json(RequestFixture.extend(official, id, "需要向多个区县调取数据汇总").expectStatus().isOk());
        // After Tue 3 Nov: 4-6 (3), 9-13 (8), 16-20 (13), 23-27 (18), 30 Nov (19), 1 Dec (20).
        assertThat(extended.path("clock").path("extendedDueOn").asString()).isEqualTo("2026-12-01");
        assertThat(extended.path("clock").path("effectiveDueOn").asString()).isEqualTo("2026-12-01");
        assertThat(extended.path("status").asString()).isEqualTo("extended");
        assertThat(extended.path("extensionReason").asString()).isEqualTo("需要向多个区县调取数据汇总");
        assertThat(extended.path("clock").path("overdue").asBoolean()).isFalse();
        assertThat(extended.path("clock").path("nearlyDue").asBoolean()).isFalse();

        assertThat(RequestFixture.fieldCodes(RequestFixture.extend(official, id, "再次延期的理由"), 409))
                .containsExactly("status:disclosure_request.extension_used");

        clock.setCity("2026-12-01T23:59");
        JsonNode dueDay = clockIn(citizen, id);
        assertThat(dueDay.path("overdue").asBoolean()).as("the due day counts in full").isFalse();
        assertThat(dueDay.path("nearlyDue").asBoolean()).isTrue();

        clock.setCity("2026-12-02T00:01");
        JsonNode late = clockIn(citizen, id);
        assertThat(late.path("overdue").asBoolean()).isTrue();
        assertThat(late.path("nearlyDue").asBoolean()).isFalse();
        assertThat(late.path("workingDaysLeft").asInt()).isEqualTo(-1);
        JsonNode queued = RequestFixture.get(official, "/api/disclosure/requests/queue").path("items").valueStream()
                .filter(item -> item.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(queued.path("clock").path("overdue").asBoolean()).isTrue();
    }

    @Test
    void applicationOnHolidayCountsAsReceivedOnNextWorkingDay() {
        RequestFixture f = new RequestFixture(app, port, "hol");
        PortalClient citizen = f.citizen("a");
        clock.setCity("2026-10-01T10:00");
        JsonNode clockNow = f.apply(citizen, "HRSS", "paper").path("clock");
        assertThat(clockNow.path("receivedOn").asString()).isEqualTo("2026-10-01");
        assertThat(clockNow.path("countedFrom").asString()).isEqualTo("2026-10-08");
        // After Thu 8 Oct: 9 (1), Sat 10 (2), 12-16 (7), 19-23 (12), 26-30 (17), 2-4 Nov (20).
        assertThat(clockNow.path("dueOn").asString()).isEqualTo("2026-11-04");
        assertThat(clockNow.path("workingDaysLeft").asInt()).as("from the holiday, the counted-from day is one more").isEqualTo(21);
    }

    @Test
    void extendWhenDueDayHasPassedThenConflict() {
        RequestFixture f = new RequestFixture(app, port, "lat");
        PortalClient citizen = f.citizen("a");
        PortalClient official = f.staff("hrss", "HRSS", Role.OFFICIAL);
        clock.setCity("2026-09-30T10:00");
        long id = f.apply(citizen, "HRSS", "pickup").path("id").asLong();
        clock.setCity("2026-11-04T08:30");
        assertThat(RequestFixture.fieldCodes(RequestFixture.extend(official, id, "材料较多需要时间"), 409))
                .containsExactly("status:disclosure_request.extension_late");
        assertThat(clockIn(official, id).path("extendedDueOn").isNull()).isTrue();
    }
}
