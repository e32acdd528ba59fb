package org.onestop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.platform.calendar.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * Statistics, scorecard and CSV against figures the test computes itself from letters it seeds in
 * 2021 straight into the table, spanning months, departments and kinds, on-time and late replies.
 */
@MailboxTest
class MailboxStatisticsTests {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final List<String> DEPARTMENTS = List.of("HRSS", "CIVIL", "HOUSING");
    private static final List<String> KINDS = List.of("consultation", "help", "suggestion", "criticism", "complaint");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    @Autowired
    WorkingDays workingDays;

    /** One seeded letter as the test knows it. */
    record Seeded(String month, String department, String kind, LocalDate receivedOn, LocalDate repliedOn, LocalDate dueOn,
            Integer satisfaction) {
    }

    // Static: JUnit makes an instance per test, and the letters are seeded once for the class.
    private static final List<Seeded> seeded = new ArrayList<>();
    private static WorkingCalendar calendar;

    @BeforeEach
    void seed() {
        if (!seeded.isEmpty()) {
            return;
        }
        calendar = workingDays.calendar().block(Duration.ofSeconds(5));
        long writer = TestAccounts.citizen(app, "stats_w" + System.nanoTime() % 100000);
        Random random = new Random(7);
        // Two letters on the edges of the range, in city time: the one before March stays out.
        insert(writer, LocalDateTime.of(2021, 2, 28, 23, 30), "HRSS", "help", 3, 5);
        insert(writer, LocalDateTime.of(2021, 3, 1, 0, 10), "HRSS", "help", 3, 5);
        insert(writer, LocalDateTime.of(2021, 6, 1, 0, 5), "CIVIL", "help", 3, 5);
        for (int i = 0; i < 90; i++) {
            LocalDateTime at = LocalDateTime.of(2021, 3 + random.nextInt(3), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60));
            String department = DEPARTMENTS.get(random.nextInt(i % 3 == 0 ? 1 : DEPARTMENTS.size()));
            int replyAfter = random.nextInt(10) == 0 ? -1 : 1 + random.nextInt(35);
            insert(writer, at, department, KINDS.get(random.nextInt(KINDS.size())), replyAfter,
                    random.nextInt(4) == 0 ? null : 1 + random.nextInt(5));
        }
    }

    /** A letter received at this city time and replied after this many days (-1: not yet), due 15 working days on. */
    private void insert(long writer, LocalDateTime at, String department, String kind, int replyAfter, Integer satisfaction) {
        Instant received = at.atZone(CITY).toInstant();
        LocalDate receivedOn = at.toLocalDate();
        LocalDate due = calendar.addWorkingDays(receivedOn, 15);
        Instant replied = replyAfter < 0 ? null : at.plusDays(replyAfter).withHour(16).atZone(CITY).toInstant();
        long dept = db.sql("SELECT id FROM department WHERE code = :c").bind("c", department).map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5));
        var spec = db.sql("""
                INSERT INTO mailbox_letter (tracking_number, query_code_hash, mailbox, kind, title, body, consent_to_publish,
                    contact_preference, writer_id, writer_name, status, lead_department_id, reply_department_id, reply_due_on,
                    replied_at, satisfaction, received_at)
                VALUES (:n, 'x', 'mayor', :kind, '统计测试', '统计测试来信', FALSE, 'none', :w, '测试', :status, :d, :rd, :due,
                    :replied, :s, :at)""")
                .bind("n", "ST" + (seeded.size() + 100000) + System.nanoTime() % 1000).bind("kind", kind).bind("w", writer)
                .bind("status", replied == null ? "handling" : "closed").bind("d", dept).bind("at", received);
        spec = replied == null ? spec.bindNull("rd", Long.class).bindNull("due", LocalDate.class).bindNull("replied", Instant.class)
                : spec.bind("rd", dept).bind("due", due).bind("replied", replied);
        Integer rating = replied == null ? null : satisfaction;
        spec = rating == null ? spec.bindNull("s", Short.class) : spec.bind("s", rating.shortValue());
        spec.then().block(Duration.ofSeconds(5));
        seeded.add(new Seeded(at.toString().substring(0, 7), department, kind, receivedOn,
                replied == null ? null : replied.atZone(CITY).toLocalDate(), replied == null ? null : due, rating));
    }

    /** The figures the portal should show for a set of letters: received, replied, on time, sums of days and ratings. */
    record Expected(long received, long replied, long onTime, Double averageDays, long rated, Double averageSatisfaction) {
    }

    private Expected expected(List<Seeded> letters) {
        List<Seeded> replied = letters.stream().filter(s -> s.repliedOn() != null).toList();
        long onTime = replied.stream().filter(s -> !s.repliedOn().isAfter(s.dueOn())).count();
        long days = replied.stream().mapToLong(s -> calendar.workingDaysBetween(s.receivedOn(), s.repliedOn())).sum();
        List<Integer> ratings = letters.stream().map(Seeded::satisfaction).filter(java.util.Objects::nonNull).toList();
        return new Expected(letters.size(), replied.size(), onTime, avg(days, replied.size()), ratings.size(),
                avg(ratings.stream().mapToLong(Integer::longValue).sum(), ratings.size()));
    }

    private static Double avg(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).doubleValue();
    }

    private static void assertRow(JsonNode row, Expected e) {
        assertThat(row.path("received").asLong()).isEqualTo(e.received());
        assertThat(row.path("replied").asLong()).isEqualTo(e.replied());
        assertThat(row.path("onTime").asLong()).isEqualTo(e.onTime());
        assertThat(row.path("averageWorkingDays").isNull() ? null : row.path("averageWorkingDays").asDouble()).isEqualTo(e.averageDays());
        assertThat(row.path("rated").asLong()).isEqualTo(e.rated());
        assertThat(row.path("averageSatisfaction").isNull() ? null : row.path("averageSatisfaction").asDouble())
                .isEqualTo(e.averageSatisfaction());
    }

    private List<Seeded> inRange() {
        return seeded.stream().filter(s -> s.month().compareTo("2021-03") >= 0 && s.month().compareTo("2021-05") <= 0).toList();
    }

    @Test
    void statisticsEqualFiguresComputedFromTheSeededLetters() {
        JsonNode stats = MailboxFixture.get(new PortalClient(port), "/api/mailbox/public/statistics?from=2021-03&to=2021-05");
        List<Seeded> letters = inRange();
        assertThat(letters).hasSize(91);
        assertRow(stats.path("total"), expected(letters));
        assertThat(stats.path("total").path("replied").asLong()).isLessThan(91).isGreaterThan(50);
        assertThat(stats.path("total").path("onTime").asLong()).isLessThan(stats.path("total").path("replied").asLong()).isPositive();

        Map<String, List<Seeded>> detail = letters.stream()
                .collect(Collectors.groupingBy(s -> s.month() + "|" + s.department() + "|" + s.kind(), TreeMap::new, Collectors.toList()));
        assertThat(stats.path("rows").size()).isEqualTo(detail.size());
        for (JsonNode row : stats.path("rows")) {
            String key = row.path("month").asString() + "|" + row.path("department").path("code").asString() + "|" + row.path("kind").asString();
            assertRow(row, expected(detail.get(key)));
        }
        for (JsonNode row : stats.path("byMonth")) {
            assertRow(row, expected(letters.stream().filter(s -> s.month().equals(row.path("month").asString())).toList()));
        }
        assertThat(stats.path("byDepartment").size()).isEqualTo(3);
        for (JsonNode row : stats.path("byDepartment")) {
            assertRow(row, expected(letters.stream().filter(s -> s.department().equals(row.path("department").path("code").asString())).toList()));
        }
        assertThat(stats.path("byKind").size()).isEqualTo(5);

        JsonNode narrowed = MailboxFixture.get(new PortalClient(port),
                "/api/mailbox/public/statistics?from=2021-04&to=2021-04&department=CIVIL&kind=help");
        assertRow(narrowed.path("total"), expected(letters.stream()
                .filter(s -> s.month().equals("2021-04") && s.department().equals("CIVIL") && s.kind().equals("help")).toList()));
    }

    @Test
    void scorecardRanksDepartmentsByTheDocumentedScore() {
        JsonNode card = MailboxFixture.get(new PortalClient(port), "/api/mailbox/public/scorecard?year=2021");
        Map<String, Double> scores = new TreeMap<>();
        for (String code : DEPARTMENTS) {
            List<Seeded> letters = seeded.stream().filter(s -> s.department().equals(code)).toList();
            Expected e = expected(letters);
            double score = 30.0 * e.replied() / e.received() + 30.0 * (e.replied() == 0 ? 0 : (double) e.onTime() / e.replied())
                    + 25 * (e.averageSatisfaction() == null ? 0.5 : (e.averageSatisfaction() - 1) / 4)
                    + 15 * (e.averageDays() == null ? 0 : Math.max(0, 1 - e.averageDays() / 20));
            scores.put(code, BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).doubleValue());
        }
        List<String> order = scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        JsonNode entries = card.path("departments");
        assertThat(entries.valueStream().map(e -> e.path("department").path("code").asString()).toList()).isEqualTo(order);
        for (JsonNode e : entries) {
            assertThat(e.path("score").asDouble()).isEqualTo(scores.get(e.path("department").path("code").asString()));
        }
        assertThat(entries.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(card.path("formula").asString()).contains("onTimeRate");
    }

    @Test
    void csvHasByteOrderMarkHeaderAndOneLinePerGroup() {
        byte[] body = new PortalClient(port).get("/api/mailbox/public/statistics.csv?from=2021-03&to=2021-05").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody().returnResult().getResponseBodyContent();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo(StatisticsCsv.HEADER);
        long groups = inRange().stream().map(s -> s.month() + s.department() + s.kind()).distinct().count();
        assertThat(lines).hasSize((int) groups + 2);
        assertThat(lines[lines.length - 1]).startsWith("\"total\"").contains("\"91\"");
    }

    @Test
    void csvCellsThatWouldRunAsFormulasAreNeutralised() {
        StringBuilder csv = new StringBuilder();
        StatisticsCsv.row(csv, "=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "市民政局");
        assertThat(csv.toString()).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"市民政局\"\r\n");
    }

    @Test
    void malformedOrUnknownFiltersAreRefusedWithProblem() {
        PortalClient anyone = new PortalClient(port);
        for (String query : List.of("statistics?from=2021-13", "statistics?from=2021/03", "statistics?to=abc", "statistics?from=2021-05&to=2021-03",
                "statistics?department=NO_SUCH", "statistics?kind=praise", "statistics.csv?from=1999-01", "scorecard?year=20x1",
                "letters?month=2021-3", "letters?department=999999", "letters?kind=praise")) {
            anyone.get("/api/mailbox/public/" + query).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
