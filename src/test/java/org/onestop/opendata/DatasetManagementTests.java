package org.onestop.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.opendata.OpenDataClient.json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.opendata.demo.DemoSet;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Departments publish and update their own datasets; others' are not found; bad metadata stores nothing. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetManagementTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private PortalClient ecoenv;
    private PortalClient edu;

    @BeforeAll
    void setUp() {
        DemoSet.load(app, 1, 50);
        TestAccounts.staff(app, "od_eco", "ECOENV", Role.OFFICIAL);
        TestAccounts.staff(app, "od_edu", "EDU", Role.OFFICIAL);
        ecoenv = new PortalClient(port).login("od_eco", TestAccounts.PASSWORD);
        edu = new PortalClient(port).login("od_edu", TestAccounts.PASSWORD);
    }

    @Test
    void publishesDatasetThenRecordsUpdateInHistoryAndAudit() {
        JsonNode created = json(ecoenv.post("/api/opendata/manage/datasets", metadata("noise-monitoring", "噪声自动监测数据"))
                .expectStatus().isCreated());
        assertThat(created.path("department").path("code").asString()).isEqualTo("ECOENV");
        JsonNode updated = json(ecoenv.post("/api/opendata/manage/datasets/noise-monitoring/updates", Map.of("summary", "补充11月数据"))
                .expectStatus().isOk());
        assertThat(updated.path("name").asString()).isEqualTo("noise-monitoring");
        JsonNode page = json(new PortalClient(port).get("/api/opendata/datasets/noise-monitoring").expectStatus().isOk());
        assertThat(page.path("history").get(0).path("summary").asString()).isEqualTo("补充11月数据");
        long audits = app.getBean(DatabaseClient.class).sql("SELECT count(*) FROM audit_log WHERE action LIKE 'opendata.dataset.%'")
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(audits).isGreaterThanOrEqualTo(2);
        ecoenv.post("/api/opendata/manage/datasets", metadata("noise-monitoring", "重复")).expectStatus().isEqualTo(409);
    }

    @Test
    void listsOwnDatasetsWithOverdueFlagAndHidesOthers() {
        JsonNode mine = json(ecoenv.get("/api/opendata/manage/datasets").expectStatus().isOk());
        assertThat(mine.toString()).contains("air-quality-city");
        assertThat(json(edu.get("/api/opendata/manage/datasets").expectStatus().isOk()).toString()).doesNotContain("air-quality-city");
        edu.post("/api/opendata/manage/datasets/air-quality-city/updates", Map.of("summary", "x")).expectStatus().isNotFound();
        edu.withCsrf().http().put().uri("/api/opendata/manage/datasets/air-quality-city")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(metadata("ignored", "改名"))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void savesTemporalCoverageAndRefusesAnEndBeforeTheStart() {
        Map<String, Object> body = new java.util.HashMap<>(metadata("noise-period", "噪声监测（2025年）"));
        body.put("temporalStart", "2025-01-01");
        body.put("temporalEnd", "2025-12-31");
        ecoenv.post("/api/opendata/manage/datasets", body).expectStatus().isCreated();
        JsonNode page = json(new PortalClient(port).get("/api/opendata/datasets/noise-period").expectStatus().isOk());
        assertThat(page.path("temporalStart").asString()).isEqualTo("2025-01-01");
        assertThat(page.path("temporalEnd").asString()).isEqualTo("2025-12-31");
        body.put("temporalEnd", "2024-12-31");
        JsonNode problem = json(ecoenv.withCsrf().http().put().uri("/api/opendata/manage/datasets/noise-period")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isBadRequest());
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("temporalEnd");
        body.remove("temporalEnd");
        body.put("temporalStart", "not-a-date");
        ecoenv.withCsrf().http().put().uri("/api/opendata/manage/datasets/noise-period")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        assertThat(json(new PortalClient(port).get("/api/opendata/datasets/noise-period").expectStatus().isOk()).path("temporalEnd")
                .asString()).isEqualTo("2025-12-31");
    }

    @Test
    void editSavesTheContactPhone() {
        ecoenv.post("/api/opendata/manage/datasets", metadata("noise-phone", "噪声监测点位")).expectStatus().isCreated();
        Map<String, Object> edited = new java.util.HashMap<>(metadata("noise-phone", "噪声监测点位"));
        edited.put("contactPhone", "0532-85551234");
        ecoenv.withCsrf().http().put().uri("/api/opendata/manage/datasets/noise-phone")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(edited).exchange().expectStatus().isOk();
        JsonNode page = json(new PortalClient(port).get("/api/opendata/datasets/noise-phone").expectStatus().isOk());
        assertThat(page.path("contact").path("phone").asString()).isEqualTo("0532-85551234");
    }

    @Test
    void refusesBadMetadataAndStoresNothing() {
        Map<String, Object> bad = new java.util.HashMap<>(metadata("Bad Name!", ""));
        bad.put("theme", "weather");
        bad.put("contactEmail", "not-an-email");
        JsonNode problem = json(ecoenv.post("/api/opendata/manage/datasets", bad).expectStatus().isBadRequest());
        assertThat(problem.path("errors").toString()).contains("name", "title", "theme", "contactEmail");
        new PortalClient(port).get("/api/opendata/datasets/Bad Name!").expectStatus().isNotFound();
        new PortalClient(port).post("/api/opendata/manage/datasets", metadata("anon", "匿名")).expectStatus().isUnauthorized();
    }

    private static Map<String, Object> metadata(String name, String title) {
        return Map.of("name", name, "title", title, "description", "全市噪声自动监测站的逐小时等效声级数据。", "theme", "environment",
                "keywords", List.of("噪声", "声环境"), "licence", "cc-by-4.0", "frequency", "monthly", "spatial", "青岛市",
                "contactName", "数据联络员", "contactEmail", "noise@data.onestop.example.cn");
    }
}
