package org.onestop.mygov.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.mailbox.TestClock;
import org.onestop.mygov.MyGovTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** With no department system configured, the built-in demo records service answers, over HTTP, behind its token. */
@MyGovTest
class DemoRecordsTests {

    @Autowired
    ApplicationContext app;
    @Autowired
    TestClock clock;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void servesLabelledDemoRecordsGrowingWithTheCalendar() {
        TestAccounts.citizen(app, "dr_citizen");
        PortalClient client = new PortalClient(port).login("dr_citizen", TestAccounts.PASSWORD);
        clock.setCity("2026-11-10T09:00");
        client.get("/api/me/records").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(7)
                .jsonPath("$[0].demo").isEqualTo(true);
        client.get("/api/me/records/electricity-bill").expectStatus().isOk().expectBody()
                .jsonPath("$.demo").isEqualTo(true)
                .jsonPath("$.records.length()").isEqualTo(12)
                .jsonPath("$.records[0].period").isEqualTo("2026-11")
                .jsonPath("$.records[0].status").isEqualTo("unpaid")
                .jsonPath("$.records[1].status").isEqualTo("paid");
        clock.setCity("2026-12-05T09:00");
        client.get("/api/me/records/electricity-bill").expectStatus().isOk().expectBody()
                .jsonPath("$.records[0].period").isEqualTo("2026-12");
    }

    @Test
    void givesSamePersonSameRecordsAndOtherPeopleOthers() {
        RecordList a = DemoRecords.of(RecordType.PHONE_BILL, "370202198001010017", java.time.LocalDate.of(2026, 11, 10));
        RecordList again = DemoRecords.of(RecordType.PHONE_BILL, "370202198001010017", java.time.LocalDate.of(2026, 11, 10));
        RecordList b = DemoRecords.of(RecordType.PHONE_BILL, "37020219800101002X", java.time.LocalDate.of(2026, 11, 10));
        assertThat(again).isEqualTo(a);
        assertThat(b.records().getFirst().amount()).isNotEqualTo(a.records().getFirst().amount());
    }

    @Test
    void refusesCallersWithoutTheServiceToken() {
        PortalClient anyone = new PortalClient(port);
        anyone.http().get().uri("/demo-records/records/water-bill").header("X-Id-Number", "370202198001010017").exchange()
                .expectStatus().isUnauthorized();
        anyone.http().get().uri("/demo-records/records/water-bill").header("Authorization", "Bearer guessed")
                .header("X-Id-Number", "370202198001010017").exchange()
                .expectStatus().isUnauthorized();
        String token = app.getBean(RecordConnectors.class).demoToken();
        anyone.http().get().uri("/demo-records/records/water-bill").header("Authorization", "Bearer " + token)
                .header("X-Id-Number", "370202198001010017").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.records.length()").isEqualTo(12);
    }

    @Test
    void auditsEveryQueryWithItsOutcome() {
        long id = TestAccounts.citizen(app, "dr_audit");
        PortalClient client = new PortalClient(port).login("dr_audit", TestAccounts.PASSWORD);
        client.get("/api/me/records/traffic-violation").expectStatus().isOk();
        client.get("/api/me/records/traffic-violation").expectStatus().isOk();
        Long count = app.getBean(DatabaseClient.class).sql("""
                SELECT count(*) FROM audit_log WHERE actor_id = :id AND action = 'records.view' AND target_type = 'personal_record'
                AND target_id = 'traffic-violation' AND detail ->> 'outcome' = 'answered'""")
                .bind("id", id).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(count).isEqualTo(2);
    }
}
