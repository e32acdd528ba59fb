package org.onestop.mygov.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.mailbox.TestClock;
import org.onestop.mygov.MyGovTest;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The record connector against a local fake department system: records come back; a timeout or
 * a 5xx becomes a 503 "temporarily unavailable" problem, never a 500; the circuit opens after
 * repeated failures and closes once the system has recovered. Each test uses its own record type,
 * so each has its own connector and circuit.
 */
@MyGovTest
class RecordConnectorTests {

    private static final FakeDepartmentSystem FAKE = new FakeDepartmentSystem();
    private static final String TOKEN = "department-token-for-tests";

    @DynamicPropertySource
    static void departmentSystems(DynamicPropertyRegistry registry) {
        for (RecordType type : RecordType.values()) {
            String prefix = "onestop.mygov.records.types." + type.code() + ".";
            registry.add(prefix + "base-url", FAKE::baseUrl);
            registry.add(prefix + "token", () -> TOKEN);
            registry.add(prefix + "response-timeout", () -> "300ms");
            registry.add(prefix + "max-attempts", () -> "2");
            registry.add(prefix + "retry-backoff", () -> "10ms");
            registry.add(prefix + "sliding-window", () -> "4");
            registry.add(prefix + "minimum-calls", () -> "4");
            registry.add(prefix + "open-duration", () -> "30s");
            registry.add(prefix + "half-open-calls", () -> "1");
            registry.add(prefix + "cache-ttl", () -> type == RecordType.PROVIDENT_FUND ? "60s" : "0s");
        }
    }

    @Autowired
    ApplicationContext app;
    @Autowired
    TestClock clock;
    @Autowired
    RecordConnectors connectors;
    @LocalServerPort
    int port;

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @AfterEach
    void reset() {
        FAKE.mode(FakeDepartmentSystem.Mode.OK);
        clock.reset();
    }

    private PortalClient citizen(String name) {
        TestAccounts.citizen(app, name);
        return new PortalClient(port).login(name, TestAccounts.PASSWORD);
    }

    private String idNumberOf(String username) {
        return app.getBean(DatabaseClient.class).sql("SELECT id_number FROM app_user WHERE username = :u").bind("u", username)
                .map(row -> row.get(0, String.class)).one().block(Duration.ofSeconds(5));
    }

    private void expectUnavailable(PortalClient client, String type) {
        client.get("/api/me/records/" + type).expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:onestop:problem:record-unavailable")
                .jsonPath("$.title").isEqualTo("记录暂时无法查询");
    }

    @Test
    void returnsRecordsWhenSystemAnswersAskingWithTokenAndOwnIdNumber() {
        PortalClient client = citizen("rc_ok");
        client.get("/api/me/records/water-bill").expectStatus().isOk().expectBody()
                .jsonPath("$.type").isEqualTo("water-bill")
                .jsonPath("$.demo").isEqualTo(false)
                .jsonPath("$.records[0].id").isEqualTo("r-1")
                .jsonPath("$.records[0].amount").isEqualTo("86.40");
        var seen = FAKE.seen("water-bill");
        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst().authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(seen.getFirst().idNumber()).isEqualTo(idNumberOf("rc_ok"));
        Long audited = app.getBean(DatabaseClient.class).sql("""
                SELECT count(*) FROM audit_log a JOIN app_user u ON u.id = a.actor_id
                WHERE u.username = 'rc_ok' AND a.action = 'records.view' AND a.target_id = 'water-bill'""")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void answersTemporarilyUnavailableWhenSystemTimesOut() {
        PortalClient client = citizen("rc_slow");
        FAKE.mode(FakeDepartmentSystem.Mode.SLOW);
        expectUnavailable(client, "gas-bill");
        assertThat(FAKE.seen("gas-bill")).as("a timed-out attempt is retried once").hasSize(2);
    }

    @Test
    void answersTemporarilyUnavailableWhenSystemFailsWith5xx() {
        PortalClient client = citizen("rc_fail");
        FAKE.mode(FakeDepartmentSystem.Mode.FAIL);
        expectUnavailable(client, "phone-bill");
        assertThat(FAKE.seen("phone-bill")).hasSize(2);
    }

    @Test
    void opensCircuitAfterRepeatedFailuresAndClosesAfterRecovery() {
        PortalClient client = citizen("rc_circuit");
        clock.set(Instant.parse("2026-11-26T02:00:00Z"));
        FAKE.mode(FakeDepartmentSystem.Mode.FAIL);
        expectUnavailable(client, "electricity-bill");
        expectUnavailable(client, "electricity-bill");
        RecordConnector connector = connectors.of(RecordType.ELECTRICITY_BILL);
        assertThat(connector.state()).isEqualTo(CircuitBreaker.State.OPEN);
        int asked = FAKE.seen("electricity-bill").size();

        FAKE.mode(FakeDepartmentSystem.Mode.OK);
        expectUnavailable(client, "electricity-bill");
        assertThat(FAKE.seen("electricity-bill")).as("an open circuit does not ask the system").hasSize(asked);

        clock.set(Instant.parse("2026-11-26T02:00:31Z"));
        client.get("/api/me/records/electricity-bill").expectStatus().isOk()
                .expectBody().jsonPath("$.records[0].id").isEqualTo("r-1");
        assertThat(connector.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(FAKE.seen("electricity-bill")).hasSize(asked + 1);
    }

    @Test
    void reusesAnswerWithinCacheTimeThenAsksAgain() {
        PortalClient client = citizen("rc_cache");
        clock.set(Instant.parse("2026-11-26T02:00:00Z"));
        client.get("/api/me/records/provident-fund").expectStatus().isOk();
        client.get("/api/me/records/provident-fund").expectStatus().isOk();
        assertThat(FAKE.seen("provident-fund")).hasSize(1);
        clock.set(Instant.parse("2026-11-26T02:01:01Z"));
        client.get("/api/me/records/provident-fund").expectStatus().isOk();
        assertThat(FAKE.seen("provident-fund")).hasSize(2);
    }

    @Test
    void refusesAnonymousStaffAndUnknownTypes() {
        new PortalClient(port).get("/api/me/records/social-insurance").expectStatus().isUnauthorized();
        TestAccounts.staff(app, "rc_staff", "HRSS", Role.OFFICIAL);
        PortalClient staff = new PortalClient(port).login("rc_staff", TestAccounts.PASSWORD);
        staff.get("/api/me/records/social-insurance").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:records-need-identity");
        citizen("rc_unknown").get("/api/me/records/library-loans").expectStatus().isNotFound();
        assertThat(FAKE.seen("social-insurance")).isEmpty();
    }
}
