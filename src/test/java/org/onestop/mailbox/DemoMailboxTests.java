package org.onestop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.platform.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo year of letters: deterministic, at the real volume, loaded in seconds and visible in statistics. */
@MailboxTest
class DemoMailboxTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoLetterLoader loader;

    @Autowired
    MailboxDepartments departments;

    @Autowired
    MailboxProperties properties;

    @Test
    void demoYearIsDeterministicAndLoadsIntoStatisticsAndPublishedLetters() {
        List<Long> ids = departments.sorted().block(Duration.ofSeconds(5)).stream().map(d -> d.id()).toList();
        LocalDate last = LocalDate.of(2025, 12, 31);
        List<DemoLetters.Generated> letters = DemoLetters.generate(DemoMailbox.LETTERS, ids, last, WorkingCalendar.MONDAY_TO_FRIDAY, properties);
        assertThat(DemoLetters.generate(DemoMailbox.LETTERS, ids, last, WorkingCalendar.MONDAY_TO_FRIDAY, properties)).isEqualTo(letters);
        assertThat(letters.stream().filter(DemoLetters.Generated::published)).hasSizeGreaterThan(500)
                .allSatisfy(g -> assertThat(g.maskedBody()).doesNotContain(g.writerName()).contains("****"));
        assertThat(letters.stream().filter(g -> g.replyDueOn() != null && g.repliedAt() != null
                && g.repliedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().isAfter(g.replyDueOn()))).hasSizeGreaterThan(1000);

        long started = System.nanoTime();
        loader.load(letters, "x").block(Duration.ofMinutes(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(loader.loaded().block(Duration.ofSeconds(5))).isTrue();

        // One month: a whole year's detail rows are more than the test client buffers.
        JsonNode stats = MailboxFixture.get(new PortalClient(port), "/api/mailbox/public/statistics?from=2025-06&to=2025-06");
        assertThat(stats.path("total").path("received").asLong()).isEqualTo(letters.stream()
                .filter(g -> g.receivedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).getMonthValue() == 6).count());
        assertThat(stats.path("byDepartment").size()).isGreaterThan(50);
        JsonNode card = MailboxFixture.get(new PortalClient(port), "/api/mailbox/public/scorecard?year=2025");
        assertThat(card.path("departments").size()).isGreaterThan(50);
        JsonNode list = MailboxFixture.get(new PortalClient(port), "/api/mailbox/public/letters?month=2025-06");
        assertThat(list.path("total").asLong()).isPositive();
    }
}
