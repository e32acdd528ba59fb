package org.onestop.disclosure.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * The yearly figures against values computed here, one request at a time, from seeded requests
 * that straddle the year's boundaries (received before it, replied after it, extended in it).
 */
@RequestTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualFiguresTests {

    private static final LocalDate FIRST = LocalDate.parse("2026-01-01");
    private static final LocalDate LAST = LocalDate.parse("2026-12-31");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private RequestFixture f;

    record Seed(String department, String received, String due, String extendedDue, String extendedOn, String replied,
            String outcome, String ground) {

        LocalDate receivedOn() {
            return LocalDate.parse(received);
        }

        LocalDate repliedOn() {
            return replied == null ? null : LocalDate.parse(replied);
        }

        LocalDate effectiveDue() {
            return LocalDate.parse(extendedDue != null ? extendedDue : due);
        }
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("HRSS", "2025-12-10", "2026-01-09", null, null, "2026-01-05", "disclosed", null),
            new Seed("HRSS", "2025-11-01", "2025-11-28", null, null, "2025-11-20", "disclosed", null),
            new Seed("HRSS", "2026-03-02", "2026-03-30", "2026-04-28", "2026-03-25", "2026-04-20", "partially_disclosed", "art16_process"),
            new Seed("HRSS", "2026-05-06", "2026-06-03", null, null, "2026-06-10", "refused", "art15_third_party"),
            new Seed("HRSS", "2027-01-03", "2027-02-01", null, null, null, null, null),
            new Seed("CIVIL", "2026-12-20", "2027-01-20", null, null, null, null, null),
            new Seed("CIVIL", "2026-07-01", "2026-07-29", null, null, "2026-07-15", "not_held", null),
            new Seed("CIVIL", "2026-02-01", "2026-03-02", null, null, "2026-03-03", "refused", "art14_state_secret"),
            new Seed("CIVIL", "2025-12-30", "2026-02-05", "2026-03-05", "2026-01-20", "2027-01-05", "disclosed", null),
            new Seed("CIVIL", "2026-08-03", "2026-08-31", null, null, "2026-08-31", "refused", "art15_third_party"));

    @BeforeAll
    void seed() {
        f = new RequestFixture(app, port, "fig");
        f.staff("admin", null, Role.ADMIN);
        f.citizen("a");
        long applicant = f.userId("a");
        for (int i = 0; i < SEEDS.size(); i++) {
            Seed s = SEEDS.get(i);
            var spec = db.sql("""
                    INSERT INTO disclosure_request (number, applicant_id, applicant_kind, applicant_name, department_id,
                        description, purpose, delivery, contact_phone, received_at, received_on, counted_from, due_on,
                        extended_due_on, extension_reason, extended_on, status, outcome, legal_ground, reply_text, replied_at, replied_on)
                    VALUES (:number, :applicant, 'citizen', '测试', :department, '申请公开某项信息', '研究', 'paper', '053285912345',
                        :at, :received, :received, :due, :extDue, :reason, :extOn, :status, :outcome, :ground, :text, :repliedAt, :replied)""")
                    .bind("number", "YSQT-" + i).bind("applicant", applicant).bind("department", f.department(s.department()))
                    .bind("at", s.receivedOn().atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant())
                    .bind("received", s.receivedOn()).bind("due", LocalDate.parse(s.due()))
                    .bind("status", s.replied() != null ? "replied" : s.extendedDue() != null ? "extended" : "received");
            spec = s.extendedDue() == null ? spec.bindNull("extDue", LocalDate.class).bindNull("reason", String.class)
                    .bindNull("extOn", LocalDate.class)
                    : spec.bind("extDue", LocalDate.parse(s.extendedDue())).bind("reason", "需要征求第三方意见")
                            .bind("extOn", LocalDate.parse(s.extendedOn()));
            spec = s.replied() == null ? spec.bindNull("outcome", String.class).bindNull("text", String.class)
                    .bindNull("repliedAt", java.time.Instant.class).bindNull("replied", LocalDate.class)
                    : spec.bind("outcome", s.outcome()).bind("text", "答复")
                            .bind("repliedAt", s.repliedOn().atTime(15, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant())
                            .bind("replied", s.repliedOn());
            spec = s.ground() == null ? spec.bindNull("ground", String.class) : spec.bind("ground", s.ground());
            spec.then().block(Duration.ofSeconds(5));
        }
    }

    private static boolean inYear(LocalDate d) {
        return d != null && !d.isBefore(FIRST) && !d.isAfter(LAST);
    }

    private static long count(List<Seed> seeds, Predicate<Seed> p) {
        return seeds.stream().filter(p).count();
    }

    private static void assertFigures(JsonNode figures, List<Seed> seeds) {
        long replied = count(seeds, s -> inYear(s.repliedOn()));
        long onTime = count(seeds, s -> inYear(s.repliedOn()) && !s.repliedOn().isAfter(s.effectiveDue()));
        assertThat(figures.path("received").asLong()).isEqualTo(count(seeds, s -> inYear(s.receivedOn())));
        assertThat(figures.path("carriedOver").asLong()).isEqualTo(count(seeds,
                s -> s.receivedOn().isBefore(FIRST) && (s.repliedOn() == null || !s.repliedOn().isBefore(FIRST))));
        assertThat(figures.path("replied").asLong()).isEqualTo(replied);
        for (String outcome : List.of("disclosed", "partially_disclosed", "not_held", "refused")) {
            assertThat(figures.path("outcomes").path(outcome).asLong()).as(outcome)
                    .isEqualTo(count(seeds, s -> inYear(s.repliedOn()) && s.outcome().equals(outcome)));
        }
        assertThat(figures.path("onTime").asLong()).isEqualTo(onTime);
        assertThat(figures.path("onTimeRate").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(replied), 4, RoundingMode.HALF_UP));
        assertThat(figures.path("extended").asLong()).isEqualTo(count(seeds, s -> s.extendedOn() != null
                && inYear(LocalDate.parse(s.extendedOn()))));
        assertThat(figures.path("carriedForward").asLong()).isEqualTo(count(seeds,
                s -> !s.receivedOn().isAfter(LAST) && (s.repliedOn() == null || s.repliedOn().isAfter(LAST))));
    }

    @Test
    void cityFiguresMatchFiguresCountedRequestByRequest() {
        JsonNode report = RequestFixture.get(f.anonymous(), "/api/disclosure/request-figures?year=2026");
        assertThat(report.path("year").asInt()).isEqualTo(2026);
        assertFigures(report.path("total"), SEEDS);
        assertThat(report.path("total").path("received").asLong()).as("a sanity anchor: six requests came in in 2026").isEqualTo(6);
        for (JsonNode row : report.path("byDepartment")) {
            String code = row.path("department").path("code").asString();
            assertFigures(row, SEEDS.stream().filter(s -> s.department().equals(code)).toList());
        }
        assertThat(report.path("byDepartment").valueStream().map(r -> r.path("department").path("code").asString()))
                .containsExactlyInAnyOrder("HRSS", "CIVIL");
        JsonNode grounds = report.path("refusedByGround");
        assertThat(grounds.valueStream().map(g -> g.path("ground").path("code").asString() + "=" + g.path("refused").asLong()))
                .containsExactlyInAnyOrder("art14_state_secret=1", "art15_third_party=2");
    }

    @Test
    void departmentFiguresCountOnlyThatDepartment() {
        JsonNode report = RequestFixture.get(f.anonymous(), "/api/disclosure/request-figures?year=2026&department=HRSS");
        assertThat(report.path("department").path("code").asString()).isEqualTo("HRSS");
        assertFigures(report.path("total"), SEEDS.stream().filter(s -> s.department().equals("HRSS")).toList());
        assertThat(report.path("byDepartment").size()).isEqualTo(1);
    }

    @Test
    void yearWithoutRequestsHasZeroesAndNoRate() {
        JsonNode total = RequestFixture.get(f.anonymous(), "/api/disclosure/request-figures?year=2030").path("total");
        assertThat(total.path("received").asLong()).isZero();
        assertThat(total.path("onTimeRate").isNull()).isTrue();
    }

    @Test
    void csvHasOneLinePerDepartmentAndTotal() {
        byte[] body = f.anonymous().get("/api/disclosure/request-figures.csv?year=2026").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody().returnResult().getResponseBodyContent();
        List<String> lines = new String(body, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\uFEFF" + FiguresCsv.HEADER);
        assertThat(lines).hasSize(4);
        List<Seed> all = SEEDS;
        long replied = count(all, s -> inYear(s.repliedOn()));
        long onTime = count(all, s -> inYear(s.repliedOn()) && !s.repliedOn().isAfter(s.effectiveDue()));
        assertThat(lines.getLast()).startsWith("\"2026\",\"total\",\"合计\",\"" + count(all, s -> inYear(s.receivedOn())) + "\"")
                .contains("\"" + BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(replied), 4, RoundingMode.HALF_UP)
                        .toPlainString() + "\"");
    }
}
