package org.onestop.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.opendata.OpenDataClient.json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.account.TestAccounts;
import org.onestop.mailbox.MailboxTest;
import org.onestop.mailbox.TestClock;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Overdue-update alerts on a fixed clock: each enabled official of the publishing department is
 * told once per lapse (nobody else), a new lapse after an update alerts again, two nodes scanning
 * at once still alert once, and the department's list shows when a dataset falls due. Runs in the
 * mailbox tests' context for its controllable clock; the scanner's own timer (1 h) never fires
 * during a test, so scans happen only when the test calls them.
 */
@MailboxTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueAlertTests {

    private static final String NOW = "2026-05-20T10:00";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext app;
    @Autowired
    TestClock clock;
    @Autowired
    OverdueScanner scanner;
    @Autowired
    DatasetWriter writer;
    @Autowired
    DatabaseClient db;

    private long ecoenv;
    private long ecoDisabled;
    private PortalClient eco1;
    private PortalClient eco2;
    private PortalClient ecoModerator;
    private PortalClient edu;
    private PortalClient citizen;

    @BeforeAll
    void setUp() {
        ecoenv = app.getBean(Departments.class).byCode("ECOENV").map(Department::id).block(Duration.ofSeconds(5));
        TestAccounts.staff(app, "ov_eco1", "ECOENV", Role.OFFICIAL);
        TestAccounts.staff(app, "ov_eco2", "ECOENV", Role.OFFICIAL);
        TestAccounts.staff(app, "ov_ecomod", "ECOENV", Role.MODERATOR);
        ecoDisabled = TestAccounts.staff(app, "ov_eco_off", "ECOENV", Role.OFFICIAL);
        db.sql("UPDATE app_user SET enabled = FALSE WHERE id = :id").bind("id", ecoDisabled).then().block(Duration.ofSeconds(5));
        TestAccounts.staff(app, "ov_edu", "EDU", Role.OFFICIAL);
        TestAccounts.citizen(app, "ov_citizen");
        eco1 = new PortalClient(port).login("ov_eco1", TestAccounts.PASSWORD);
        eco2 = new PortalClient(port).login("ov_eco2", TestAccounts.PASSWORD);
        ecoModerator = new PortalClient(port).login("ov_ecomod", TestAccounts.PASSWORD);
        edu = new PortalClient(port).login("ov_edu", TestAccounts.PASSWORD);
        citizen = new PortalClient(port).login("ov_citizen", TestAccounts.PASSWORD);
    }

    @BeforeEach
    void fixClock() {
        clock.setCity(NOW);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void alertsEachOfficialOfPublishingDepartmentOnceWhenMonthlyDatasetIsFiftyDaysOld() {
        long id = dataset("ov-noise", "噪声监测月报", Frequency.MONTHLY, Duration.ofDays(50));

        scan();

        for (PortalClient official : List.of(eco1, eco2)) {
            List<JsonNode> told = alerts(official, "噪声监测月报");
            assertThat(told).hasSize(1);
            // Last update 2026-03-31 10:00, due a month later (04-30) plus half of it (15 days).
            assertThat(told.get(0).path("title").asString())
                    .isEqualTo("数据集《噪声监测月报》已超过更新期限（应于 2026-05-15 前更新），请及时更新数据。");
            assertThat(told.get(0).path("link").asString()).isEqualTo("/opendata/manage.html");
        }
        for (PortalClient other : List.of(ecoModerator, edu, citizen)) {
            assertThat(alerts(other, "噪声监测月报")).isEmpty();
        }
        // A disabled official cannot sign in to look: their topic's event log is the record.
        assertThat(db.sql("SELECT count(*) FROM live_event WHERE topic = :topic").bind("topic", "user:" + ecoDisabled)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5))).isZero();
        assertThat(alertRows(id)).containsExactly(2);
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'opendata.overdue.alerted' AND actor_id IS NULL "
                        + "AND target_type = 'opendata_dataset' AND target_id = :id").bind("id", String.valueOf(id))
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5))).isEqualTo(1);
    }

    @Test
    void alertsNobodyWhenScannedAgainForTheSameLapse() {
        long id = dataset("ov-rivers", "河流断面水质", Frequency.MONTHLY, Duration.ofDays(50));
        scan();

        scan();

        assertThat(alerts(eco1, "河流断面水质")).hasSize(1);
        assertThat(alerts(eco2, "河流断面水质")).hasSize(1);
        assertThat(alertRows(id)).hasSize(1);
    }

    @Test
    void alertsNobodyWhenOnTimeOrWithoutPromisedFrequency() {
        dataset("ov-fresh", "新近更新的数据", Frequency.MONTHLY, Duration.ofDays(40));
        dataset("ov-irregular", "不定期更新的数据", Frequency.IRREGULAR, Duration.ofDays(900));

        scan();

        assertThat(alerts(eco1, "新近更新的数据")).isEmpty();
        assertThat(alerts(eco1, "不定期更新的数据")).isEmpty();
        Map<String, JsonNode> mine = mine(eco1);
        assertThat(mine.get("ov-fresh").path("overdue").asBoolean()).isFalse();
        assertThat(instant(mine.get("ov-fresh").path("dueAt"))).isEqualTo(city("2026-05-25T10:00"));
        assertThat(mine.get("ov-irregular").path("dueAt").isNull()).isTrue();
        assertThat(mine.get("ov-irregular").path("alertedAt").isNull()).isTrue();
    }

    @Test
    void listsDueAtAndAlertedAtOfTheCurrentLapse() {
        dataset("ov-parks", "公园绿地名录", Frequency.MONTHLY, Duration.ofDays(50));
        assertThat(mine(eco1).get("ov-parks").path("alertedAt").isNull()).isTrue();

        scan();

        JsonNode parks = mine(eco1).get("ov-parks");
        assertThat(parks.path("overdue").asBoolean()).isTrue();
        assertThat(instant(parks.path("dueAt"))).isEqualTo(city("2026-05-15T10:00"));
        assertThat(instant(parks.path("alertedAt"))).isEqualTo(city(NOW));
        assertThat(mine(edu)).doesNotContainKey("ov-parks");
    }

    @Test
    void alertsAgainForNewLapseAfterDepartmentRecordsUpdate() {
        long id = dataset("ov-waste", "生活垃圾清运量", Frequency.MONTHLY, Duration.ofDays(50));
        scan();
        eco1.post("/api/opendata/manage/datasets/ov-waste/updates", Map.of("summary", "补充4月数据")).expectStatus().isOk();

        JsonNode updated = mine(eco1).get("ov-waste");
        assertThat(updated.path("overdue").asBoolean()).isFalse();
        assertThat(updated.path("alertedAt").isNull()).isTrue();
        // Updated 05-20: due 06-20 plus half of those 31 days.
        assertThat(instant(updated.path("dueAt"))).isEqualTo(city("2026-07-05T22:00"));
        scan();
        assertThat(alerts(eco1, "生活垃圾清运量")).hasSize(1);

        clock.setCity("2026-07-06T09:00");
        scan();

        List<JsonNode> told = alerts(eco1, "生活垃圾清运量");
        assertThat(told).hasSize(2);
        assertThat(told.get(0).path("title").asString()).contains("应于 2026-07-05 前更新");
        assertThat(told.get(0).path("id").asString()).isNotEqualTo(told.get(1).path("id").asString());
        assertThat(alerts(eco2, "生活垃圾清运量")).hasSize(2);
        assertThat(alertRows(id)).containsExactly(2, 2);
        assertThat(instant(mine(eco1).get("ov-waste").path("alertedAt"))).isEqualTo(city("2026-07-06T09:00"));
    }

    @Test
    void alertsOnceWhenTwoNodesScanAtTheSameTime() {
        List<Long> ids = IntStream.range(0, 6)
                .mapToObj(i -> dataset("ov-race-" + i, "并发扫描数据" + i + "号", Frequency.WEEKLY, Duration.ofDays(30)))
                .toList();

        List<Integer> sent = Mono.zip(scanner.scan(), scanner.scan(), List::of).block(Duration.ofSeconds(60));

        assertThat(sent.get(0) + sent.get(1)).isGreaterThanOrEqualTo(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertThat(alerts(eco1, "并发扫描数据" + i + "号")).hasSize(1);
            assertThat(alerts(eco2, "并发扫描数据" + i + "号")).hasSize(1);
            assertThat(alertRows(ids.get(i))).containsExactly(2);
        }
    }

    private long dataset(String name, String title, Frequency frequency, Duration age) {
        Instant updated = clock.instant().minus(age);
        return writer.insert(new DatasetWriter.NewDataset(name, title, title + "，用于检验更新期限提醒。", Theme.ENVIRONMENT, ecoenv,
                        List.of(), Licence.CC_BY_4, frequency, null, null, "青岛市",
                        new Dataset.Contact("数据联络员", "data@ecoenv.onestop.example.cn", null), updated, updated))
                .block(Duration.ofSeconds(5));
    }

    private void scan() {
        scanner.scan().block(Duration.ofSeconds(30));
    }

    /** This person's overdue notifications about the dataset with this title, newest first. */
    private static List<JsonNode> alerts(PortalClient person, String title) {
        JsonNode page = json(person.get("/api/me/notifications?size=100").expectStatus().isOk());
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(n -> n.path("kind").asString().equals("opendata.overdue"))
                .filter(n -> n.path("title").asString().contains("《" + title + "》"))
                .toList();
    }

    private static Map<String, JsonNode> mine(PortalClient official) {
        JsonNode list = json(official.get("/api/opendata/manage/datasets").expectStatus().isOk());
        return StreamSupport.stream(list.spliterator(), false)
                .collect(java.util.stream.Collectors.toMap(o -> o.path("dataset").path("name").asString(), o -> o));
    }

    /** The recipients count of each alert row of the dataset, oldest first. */
    private List<Integer> alertRows(long datasetId) {
        return db.sql("SELECT recipients FROM opendata_overdue_alert WHERE dataset_id = :id ORDER BY due_at")
                .bind("id", datasetId).map(r -> r.get(0, Integer.class)).all().collectList().block(Duration.ofSeconds(5));
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    private static Instant city(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
