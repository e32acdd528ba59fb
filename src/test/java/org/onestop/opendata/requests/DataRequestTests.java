package org.onestop.opendata.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.opendata.OpenDataClient.json;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.Departments;
import org.onestop.account.TestAccounts;
import org.onestop.opendata.demo.DemoSet;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Dataset requests from a citizen to a department, answered by that department only, with a notification. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataRequestTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private long ecoenv;
    private PortalClient citizen;
    private PortalClient official;
    private PortalClient otherOfficial;
    private long citizenId;

    @BeforeAll
    void setUp() {
        DemoSet.load(app, 1, 50);
        ecoenv = app.getBean(Departments.class).byCode("ECOENV").block().id();
        citizenId = TestAccounts.citizen(app, "asker");
        TestAccounts.staff(app, "eco_official", "ECOENV", Role.OFFICIAL);
        TestAccounts.staff(app, "edu_official", "EDU", Role.OFFICIAL);
        citizen = new PortalClient(port).login("asker", TestAccounts.PASSWORD);
        official = new PortalClient(port).login("eco_official", TestAccounts.PASSWORD);
        otherOfficial = new PortalClient(port).login("edu_official", TestAccounts.PASSWORD);
    }

    @Test
    void fulfilsRequestWithDatasetAndNotifiesTheRequester() {
        long id = submit("噪声监测数据").path("id").asLong();
        assertThat(json(official.get("/api/opendata/requests/inbox").expectStatus().isOk()).toString()).contains("噪声监测数据");
        JsonNode answered = json(official.post("/api/opendata/requests/" + id + "/answer",
                Map.of("status", "fulfilled", "dataset", "air-quality-city", "answer", "已开放")).expectStatus().isOk());
        assertThat(answered.path("status").asString()).isEqualTo("fulfilled");
        assertThat(answered.path("dataset").asString()).isEqualTo("air-quality-city");
        long notifications = app.getBean(DatabaseClient.class)
                .sql("SELECT count(*) FROM live_event WHERE topic = :t AND type = 'notification'").bind("t", "user:" + citizenId)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(notifications).isPositive();
        official.post("/api/opendata/requests/" + id + "/answer", Map.of("status", "declined", "answer", "重复"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void declineNeedsReasonAndOtherDepartmentsGetNotFound() {
        long id = submit("河道水位数据").path("id").asLong();
        otherOfficial.post("/api/opendata/requests/" + id + "/answer", Map.of("status", "declined", "answer", "不属于本部门"))
                .expectStatus().isNotFound();
        official.post("/api/opendata/requests/" + id + "/answer", Map.of("status", "declined")).expectStatus().isBadRequest();
        citizen.post("/api/opendata/requests/" + id + "/answer", Map.of("status", "declined", "answer", "x")).expectStatus().isNotFound();
        JsonNode declined = json(official.post("/api/opendata/requests/" + id + "/answer",
                Map.of("status", "declined", "answer", "涉及国家秘密，不予开放")).expectStatus().isOk());
        assertThat(declined.path("answer").asString()).isEqualTo("涉及国家秘密，不予开放");
        JsonNode mine = json(citizen.get("/api/opendata/requests/mine").expectStatus().isOk());
        assertThat(mine.toString()).contains("不予开放");
    }

    @Test
    void refusesRequestWithoutTitleOrSignIn() {
        citizen.post("/api/opendata/requests", Map.of("departmentId", ecoenv, "title", "", "description", "x")).expectStatus().isBadRequest();
        citizen.post("/api/opendata/requests", Map.of("departmentId", 999_999, "title", "t", "description", "x"))
                .expectStatus().isBadRequest();
        new PortalClient(port).post("/api/opendata/requests", Map.of("departmentId", ecoenv, "title", "t", "description", "x"))
                .expectStatus().isUnauthorized();
        assertThat(json(new PortalClient(port).get("/api/opendata/requests").expectStatus().isOk()).toString()).doesNotContain("asker");
    }

    private JsonNode submit(String title) {
        return json(citizen.post("/api/opendata/requests", Map.of("departmentId", ecoenv, "title", title,
                "description", "希望开放" + title + "，用于研究。")).expectStatus().isCreated());
    }
}
