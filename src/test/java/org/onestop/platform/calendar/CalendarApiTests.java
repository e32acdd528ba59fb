package org.onestop.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The calendar over HTTP on the seeded database. Edits use the far-future years 2098 and 2099, so
 * the seeded 2025 and 2026 stay as migrated, and every test removes what it added.
 */
@PortalTest
class CalendarApiTests {

    private static final int YEAR = 2099;
    private static final int SPARE_YEAR = 2098;
    private static int accounts;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    @Autowired
    WorkingDays workingDays;

    @AfterEach
    void removeTestYears() {
        db.sql("DELETE FROM calendar_year WHERE year IN (:years)").bind("years", List.of(YEAR, SPARE_YEAR))
                .then().block(Duration.ofSeconds(5));
        workingDays.refresh();
    }

    private PortalClient admin() {
        String username = "caladmin" + (++accounts);
        TestAccounts.staff(app, username, null, Role.ADMIN);
        return new PortalClient(port).login(username, TestAccounts.PASSWORD);
    }

    private static WebTestClient.ResponseSpec put(PortalClient who, int year, Object body) {
        return who.withCsrf().http().put().uri("/api/admin/calendar/" + year).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private static Map<String, Object> day(LocalDate date, String kind, String name) {
        Map<String, Object> day = new HashMap<>();
        day.put("date", date == null ? null : date.toString());
        day.put("kind", kind);
        day.put("name", name);
        return day;
    }

    private static Map<String, Object> change(Object... days) {
        Map<String, Object> body = new HashMap<>();
        body.put("note", "测试安排");
        body.put("days", List.of(days));
        return body;
    }

    private static LocalDate first(int year, int month, DayOfWeek weekday) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(weekday));
    }

    /** Everything stored for a year, as text, to prove a rejected request changed nothing. */
    private String stored(int year) {
        return db.sql("""
                SELECT coalesce((SELECT note FROM calendar_year WHERE year = :year), '<none>') || ':' ||
                       coalesce((SELECT string_agg(day || kind || name, ',' ORDER BY day) FROM calendar_day WHERE year = :year), '')""")
                .bind("year", year).map(r -> r.get(0, String.class)).one().block(Duration.ofSeconds(5));
    }

    private long count(String sql, Object... args) {
        var spec = db.sql(sql);
        for (int i = 0; i < args.length; i++) {
            spec = spec.bind(i, args[i]);
        }
        return spec.map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    private void expectFieldError(PortalClient admin, int year, Object body, String field, String code) {
        String before = stored(year);
        put(admin, year, body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:onestop:problem:validation")
                .jsonPath("$.errors[?(@.field == '" + field + "')].code").isEqualTo(code)
                .jsonPath("$.errors[?(@.field == '" + field + "')].message").exists();
        assertThat(stored(year)).as("nothing stored for a rejected change").isEqualTo(before);
    }

    @Test
    void seededYear2026FollowsTheStateCouncilNotice() {
        CalendarYearView year = new PortalClient(port).get("/api/calendar/2026").expectStatus().isOk()
                .expectBody(CalendarYearView.class).returnResult().getResponseBody();
        assertThat(year.published()).isTrue();
        assertThat(year.days()).hasSize(25);
        assertThat(year.days()).filteredOn(d -> d.kind().equals("holiday")).hasSize(19)
                .allSatisfy(d -> assertThat(d.date().getDayOfWeek().getValue()).isLessThanOrEqualTo(5));
        assertThat(year.days()).filteredOn(d -> d.kind().equals("workday")).extracting(CalendarYearView.Day::date)
                .extracting(LocalDate::toString)
                .containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(year.days()).filteredOn(d -> d.name().equals("春节") && d.kind().equals("holiday"))
                .extracting(d -> d.date().toString())
                .containsExactly("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23");
        assertThat(workingDays.dueDate(LocalDate.of(2026, 2, 13), 5).block(Duration.ofSeconds(5)))
                .as("the worked Saturday, then four days after 春节").isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 1, 26)).block(Duration.ofSeconds(5)))
                .as("2025's worked Sunday before 春节").isTrue();
        assertThat(workingDays.calendar().block(Duration.ofSeconds(5)).daysOf(2025)).hasSize(23);
    }

    @Test
    void publicDueDateCountsFromTheDayAfterReceiptAndSaysWhetherTheYearIsPublished() {
        PortalClient anyone = new PortalClient(port);
        anyone.get("/api/calendar/due-date?start=2026-09-30&workingDays=3").expectStatus().isOk().expectBody()
                .jsonPath("$.dueDate").isEqualTo("2026-10-10")
                .jsonPath("$.deadline").isEqualTo("2026-10-11T00:00:00+08:00")
                .jsonPath("$.published").isEqualTo(true);
        anyone.get("/api/calendar/due-date?start=" + YEAR + "-06-01&workingDays=1").expectStatus().isOk().expectBody()
                .jsonPath("$.published").isEqualTo(false);
        anyone.get("/api/calendar/due-date?start=2026-09-31&workingDays=3").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("start")
                .jsonPath("$.errors[0].code").isEqualTo("calendar.date");
        anyone.get("/api/calendar/due-date?start=2026-09-30&workingDays=1001").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("calendar.working_days");
    }

    @Test
    void adminPutThenGetRoundTripsTheYearAndPublishesIt() {
        PortalClient admin = admin();
        LocalDate holiday = first(YEAR, 3, DayOfWeek.MONDAY);
        LocalDate workday = first(YEAR, 2, DayOfWeek.SATURDAY);
        new PortalClient(port).get("/api/calendar/" + YEAR).expectStatus().isOk().expectBody()
                .jsonPath("$.published").isEqualTo(false)
                .jsonPath("$.days.length()").isEqualTo(0);
        put(admin, YEAR, change(day(holiday, "holiday", " 测试假日 "), day(workday, "workday", "测试调休")))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.year").isEqualTo(YEAR)
                .jsonPath("$.published").isEqualTo(true)
                .jsonPath("$.note").isEqualTo("测试安排")
                .jsonPath("$.updatedAt").isNotEmpty()
                .jsonPath("$.days.length()").isEqualTo(2)
                .jsonPath("$.days[0].date").isEqualTo(workday.toString())
                .jsonPath("$.days[0].kind").isEqualTo("workday")
                .jsonPath("$.days[1].date").isEqualTo(holiday.toString())
                .jsonPath("$.days[1].name").isEqualTo("测试假日");
        for (String path : List.of("/api/admin/calendar/" + YEAR, "/api/calendar/" + YEAR)) {
            admin.get(path).expectStatus().isOk().expectBody()
                    .jsonPath("$.published").isEqualTo(true)
                    .jsonPath("$.days[*].date").isEqualTo(List.of(workday.toString(), holiday.toString()));
        }
        assertThat(stored(YEAR)).isEqualTo("测试安排:" + workday + "workday测试调休," + holiday + "holiday测试假日");
    }

    @Test
    void putReplacesEveryEarlierDayOfTheYear() {
        PortalClient admin = admin();
        LocalDate march = first(YEAR, 3, DayOfWeek.MONDAY);
        LocalDate april = first(YEAR, 4, DayOfWeek.MONDAY);
        LocalDate may = first(YEAR, 5, DayOfWeek.MONDAY);
        put(admin, YEAR, change(day(march, "holiday", "甲"), day(april, "holiday", "乙"))).expectStatus().isOk();
        put(admin, YEAR, change(day(may, "holiday", "丙"))).expectStatus().isOk();
        admin.get("/api/admin/calendar/" + YEAR).expectStatus().isOk().expectBody()
                .jsonPath("$.days[*].date").isEqualTo(List.of(may.toString()));
        assertThat(count("SELECT count(*) FROM calendar_day WHERE year = $1", YEAR)).isEqualTo(1);
    }

    @Test
    void withdrawnYearFallsBackToMondayToFridayAndWithdrawingAgainIsNotFound() {
        PortalClient admin = admin();
        put(admin, YEAR, change(day(first(YEAR, 3, DayOfWeek.MONDAY), "holiday", "甲"))).expectStatus().isOk();
        admin.withCsrf().http().delete().uri("/api/admin/calendar/" + YEAR).exchange().expectStatus().isNoContent();
        admin.get("/api/calendar/" + YEAR).expectStatus().isOk().expectBody()
                .jsonPath("$.published").isEqualTo(false)
                .jsonPath("$.days.length()").isEqualTo(0);
        admin.withCsrf().http().delete().uri("/api/admin/calendar/" + YEAR).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'calendar.withdraw' AND target_id = $1",
                String.valueOf(YEAR))).isEqualTo(1);
    }

    @Test
    void putIsAuditedWithTheDaysBeforeAndAfter() {
        String username = "calaudit";
        long adminId = TestAccounts.staff(app, username, null, Role.ADMIN);
        PortalClient admin = new PortalClient(port).login(username, TestAccounts.PASSWORD);
        LocalDate march = first(YEAR, 3, DayOfWeek.MONDAY);
        LocalDate april = first(YEAR, 4, DayOfWeek.MONDAY);
        put(admin, YEAR, change(day(march, "holiday", "甲"))).expectStatus().isOk();
        put(admin, YEAR, change(day(april, "holiday", "乙"), day(march.plusDays(1), "holiday", "丙"))).expectStatus().isOk();
        assertThat(count("""
                SELECT count(*) FROM audit_log WHERE action = 'calendar.replace' AND target_type = 'calendar_year'
                AND target_id = $1 AND actor_id = $2""", String.valueOf(YEAR), adminId)).isEqualTo(2);
        assertThat(count("""
                SELECT count(*) FROM audit_log WHERE action = 'calendar.replace' AND target_id = $1
                AND jsonb_array_length(detail->'days') = 2 AND detail->'previousDays'->0->>'date' = $2
                AND detail->'previousDays'->0->>'name' = '甲'""", String.valueOf(YEAR), march.toString())).isEqualTo(1);
    }

    @Test
    void dueDateThroughTheServiceChangesRightAfterAPut() {
        PortalClient admin = admin();
        LocalDate monday = first(YEAR, 3, DayOfWeek.MONDAY);
        LocalDate friday = monday.minusDays(3);
        assertThat(workingDays.dueDate(friday, 1).block(Duration.ofSeconds(5))).as("plain Monday to Friday").isEqualTo(monday);
        put(admin, YEAR, change(day(monday, "holiday", "测试假日"))).expectStatus().isOk();
        assertThat(workingDays.dueDate(friday, 1).block(Duration.ofSeconds(5))).isEqualTo(monday.plusDays(1));
        admin.withCsrf().http().delete().uri("/api/admin/calendar/" + YEAR).exchange().expectStatus().isNoContent();
        assertThat(workingDays.dueDate(friday, 1).block(Duration.ofSeconds(5))).isEqualTo(monday);
    }

    @Test
    void putWhenCitizenThenForbiddenAndNothingStored() {
        TestAccounts.citizen(app, "calcitizen");
        PortalClient citizen = new PortalClient(port).login("calcitizen", TestAccounts.PASSWORD);
        put(citizen, YEAR, change(day(first(YEAR, 3, DayOfWeek.MONDAY), "holiday", "甲")))
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        citizen.get("/api/admin/calendar/" + YEAR).expectStatus().isForbidden();
        citizen.withCsrf().http().delete().uri("/api/admin/calendar/2026").exchange().expectStatus().isForbidden();
        assertThat(stored(YEAR)).isEqualTo("<none>:");
        assertThat(count("SELECT count(*) FROM calendar_day WHERE year = 2026")).isEqualTo(25);
    }

    @Test
    void adminCalendarWhenAnonymousThenUnauthorized() {
        PortalClient anonymous = new PortalClient(port);
        anonymous.get("/api/admin/calendar/" + YEAR).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:unauthenticated");
        put(anonymous, YEAR, change(day(first(YEAR, 3, DayOfWeek.MONDAY), "holiday", "甲"))).expectStatus().isUnauthorized();
        assertThat(stored(YEAR)).isEqualTo("<none>:");
        anonymous.get("/api/calendar/" + YEAR).expectStatus().isOk();
    }

    @Test
    void putWhenYearOutOfRangeThenFieldError() {
        PortalClient admin = admin();
        expectFieldError(admin, 2101, change(day(LocalDate.of(2101, 3, 1), "holiday", "甲")), "year", "calendar.year");
        expectFieldError(admin, 1999, change(), "year", "calendar.year");
        admin.get("/api/calendar/1999").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("calendar.year");
    }

    @Test
    void putWhenDateOutsideTheYearThenFieldError() {
        expectFieldError(admin(), YEAR, change(day(first(YEAR - 1, 3, DayOfWeek.MONDAY), "holiday", "甲")),
                "days.0.date", "calendar.outside_year");
    }

    @Test
    void putWhenHolidayOnAWeekendThenFieldError() {
        expectFieldError(admin(), YEAR, change(day(first(YEAR, 3, DayOfWeek.MONDAY), "holiday", "甲"),
                day(first(YEAR, 3, DayOfWeek.SUNDAY), "holiday", "乙")), "days.1.date", "calendar.holiday_on_weekend");
    }

    @Test
    void putWhenWorkdayOnAWeekdayThenFieldError() {
        expectFieldError(admin(), YEAR, change(day(first(YEAR, 3, DayOfWeek.WEDNESDAY), "workday", "甲")),
                "days.0.date", "calendar.workday_on_weekday");
    }

    @Test
    void putWhenKindUnknownThenFieldError() {
        expectFieldError(admin(), YEAR, change(day(first(YEAR, 3, DayOfWeek.MONDAY), "festival", "甲")),
                "days.0.kind", "calendar.kind");
    }

    @Test
    void putWhenNameLongerThanTwentyCharactersThenFieldError() {
        expectFieldError(admin(), YEAR, change(day(first(YEAR, 3, DayOfWeek.MONDAY), "holiday", "节".repeat(21))),
                "days.0.name", "size");
    }

    @Test
    void putWhenNameBlankThenFieldError() {
        expectFieldError(admin(), YEAR, change(day(first(YEAR, 3, DayOfWeek.MONDAY), "holiday", "  ")),
                "days.0.name", "required");
    }

    @Test
    void putWhenNameHidesAFormatCharacterThenFieldError() {
        expectFieldError(admin(), YEAR, change(day(first(YEAR, 3, DayOfWeek.MONDAY), "holiday", "春\u202E节")),
                "days.0.name", "hidden_characters");
    }

    @Test
    void putWhenDateListedTwiceThenFieldError() {
        LocalDate monday = first(YEAR, 3, DayOfWeek.MONDAY);
        expectFieldError(admin(), YEAR, change(day(monday, "holiday", "甲"), day(monday, "holiday", "乙")),
                "days.1.date", "calendar.duplicate_date");
    }

    @Test
    void putWhenMoreThanSixtyDaysThenFieldError() {
        List<Object> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(YEAR, 1, 1); days.size() < 61; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add(day(d, "holiday", "甲"));
            }
        }
        expectFieldError(admin(), YEAR, change(days.toArray()), "days", "calendar.too_many");
    }

    @Test
    void putWhenDateMalformedOrMissingThenFieldError() {
        PortalClient admin = admin();
        Map<String, Object> february30 = day(null, "holiday", "甲");
        february30.put("date", YEAR + "-02-30");
        expectFieldError(admin, YEAR, change(february30), "days.0.date", "type");
        expectFieldError(admin, YEAR, change(day(null, "holiday", "甲")), "days.0.date", "required");
        expectFieldError(admin, YEAR, Map.of("note", "无日期"), "days", "required");
    }

    @Test
    void putWhenInvalidThenThePublishedDaysStay() {
        PortalClient admin = admin();
        put(admin, SPARE_YEAR, change(day(first(SPARE_YEAR, 3, DayOfWeek.MONDAY), "holiday", "甲"))).expectStatus().isOk();
        expectFieldError(admin, SPARE_YEAR, change(day(first(SPARE_YEAR, 4, DayOfWeek.MONDAY), "holiday", "乙"),
                day(first(SPARE_YEAR, 4, DayOfWeek.TUESDAY), "workday", "丙")), "days.1.date", "calendar.workday_on_weekday");
        assertThat(stored(SPARE_YEAR)).contains("甲").doesNotContain("乙");
    }

    @Test
    void calendarMessagesExistInEnglishAndChinese() {
        MessageSource messages = app.getBean(MessageSource.class);
        for (String code : List.of("year", "outside_year", "kind", "holiday_on_weekend", "workday_on_weekday",
                "duplicate_date", "too_many", "working_days", "date")) {
            String key = "field.calendar." + code;
            Object[] args = {"2000", "2100"};
            String english = messages.getMessage(key, args, null, Locale.ENGLISH);
            String chinese = messages.getMessage(key, args, null, Locale.SIMPLIFIED_CHINESE);
            assertThat(english).as(key).isNotNull().doesNotContain("{");
            assertThat(chinese).as(key).isNotNull().isNotEqualTo(english).doesNotContain("{");
        }
        new PortalClient(port).language("en").get("/api/calendar/1999").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("The year must be between 2000 and 2100.");
    }
}
