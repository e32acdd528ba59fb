package org.onestop.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Officials publish, revise and withdraw their department's documents and guide; the audit trail records it. */
@PortalTest
class DocumentLifecycleTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private static int users;

    private DisclosureFixture fixture() {
        return new DisclosureFixture(app, port);
    }

    private static Map<String, Object> document(String title, String body, List<Long> related) {
        return Map.of("title", title, "category", "normative-dept", "docNumber", "青人社发〔2026〕8号", "topic", "就业创业",
                "publishedOn", "2026-03-02", "validity", "valid", "body", body, "relatedIds", related);
    }

    private static WebTestClientSpec put(PortalClient who, String path, Object body) {
        return new WebTestClientSpec(who.withCsrf().http().put().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("X-XSRF-TOKEN", who.cookies().get("XSRF-TOKEN")).bodyValue(body).exchange());
    }

    private record WebTestClientSpec(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
    }

    private List<String> audit(String action, long id) {
        return db.sql("SELECT action FROM audit_log WHERE action = :a AND target_id = :id")
                .bind("a", action).bind("id", String.valueOf(id)).map(r -> r.get(0, String.class)).all().collectList()
                .block(Duration.ofSeconds(5));
    }

    @Test
    void publishReviseAndWithdrawKeepVersionsAndAudit() {
        DisclosureFixture f = fixture();
        PortalClient hrss = f.official("hrss" + (++users), "HRSS");
        JsonNode first = DisclosureFixture.json(hrss.post("/api/disclosure/manage/documents",
                document("关于印发《青岛市创业担保贷款实施办法》的通知", "<p>第一稿<script>x()</script></p>", List.of()))
                .expectStatus().isCreated());
        long id = first.path("id").asLong();
        assertThat(first.path("indexNumber").asString()).matches("HRSS/2026-\\d{6}");
        assertThat(first.path("body").asString()).isEqualTo("<p>第一稿</p>");
        assertThat(first.path("version").asInt()).isEqualTo(1);

        JsonNode related = DisclosureFixture.json(hrss.post("/api/disclosure/manage/documents",
                document("《青岛市创业担保贷款实施办法》政策解读", "<p>解读</p>", List.of(id))).expectStatus().isCreated());
        assertThat(related.path("related").get(0).path("id").asLong()).isEqualTo(id);

        JsonNode revised = DisclosureFixture.json(put(hrss, "/api/disclosure/manage/documents/" + id,
                document("关于印发《青岛市创业担保贷款实施办法》的通知", "<h2>第二稿</h2>", List.of())).response().expectStatus().isOk());
        assertThat(revised.path("version").asInt()).isEqualTo(2);
        assertThat(revised.path("versions").valueStream().map(v -> v.path("version").asInt())).containsExactly(1, 2);

        PortalClient anyone = f.anonymous();
        anyone.get("/api/disclosure/documents/" + id + "/versions/1").expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo("<p>第一稿</p>").jsonPath("$.current").isEqualTo(false);
        anyone.get("/api/disclosure/documents/" + id + "/versions/2").expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo("<h2>第二稿</h2>").jsonPath("$.current").isEqualTo(true);
        anyone.get("/api/disclosure/documents/" + id + "/versions/3").expectStatus().isNotFound();

        hrss.post("/api/disclosure/manage/documents/" + id + "/withdraw", Map.of("reason", "内容有误，重新发布"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("withdrawn");
        anyone.get("/api/disclosure/documents/" + id).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        anyone.get("/api/disclosure/documents/" + id + "/versions/1").expectStatus().isNotFound();
        hrss.get("/api/disclosure/documents/" + id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("withdrawn");
        anyone.get("/api/disclosure/documents/" + related.path("id").asLong()).expectStatus().isOk()
                .expectBody().jsonPath("$.related.length()").isEqualTo(0);
        anyone.http().get().uri("/api/disclosure/documents?q={q}", "创业担保贷款实施办法").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == " + id + ")]").doesNotExist();

        assertThat(audit("disclosure.document.published", id)).hasSize(1);
        assertThat(audit("disclosure.document.revised", id)).hasSize(1);
        assertThat(audit("disclosure.document.withdrawn", id)).hasSize(1);
    }

    @Test
    void officialOfAnotherDepartmentIsForbidden() {
        DisclosureFixture f = fixture();
        PortalClient hrss = f.official("hrss" + (++users), "HRSS");
        PortalClient housing = f.official("housing" + (++users), "HOUSING");
        long id = DisclosureFixture.json(hrss.post("/api/disclosure/manage/documents",
                document("关于开展2026年度职业技能提升工作的通知", "<p>正文</p>", List.of())).expectStatus().isCreated()).path("id").asLong();
        put(housing, "/api/disclosure/manage/documents/" + id, document("篡改", "<p>篡改</p>", List.of())).response()
                .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        housing.post("/api/disclosure/manage/documents/" + id + "/withdraw", Map.of()).expectStatus().isForbidden();
        long hrssDepartment = f.department("HRSS").id();
        put(housing, "/api/disclosure/manage/departments/" + hrssDepartment + "/guide", Map.of("body", "<p>x</p>")).response()
                .expectStatus().isForbidden();
        PortalClient citizen = f.anonymous();
        citizen.post("/api/disclosure/manage/documents", document("标题标题", "<p>x</p>", List.of())).expectStatus().isUnauthorized();
        assertThat(audit("disclosure.document.revised", id)).isEmpty();
    }

    @Test
    void departmentGuideIsUpdatedByItsOfficials() {
        DisclosureFixture f = fixture();
        PortalClient hrss = f.official("hrss" + (++users), "HRSS");
        long department = f.department("HRSS").id();
        f.anonymous().get("/api/disclosure/departments/" + department + "/guide").expectStatus().isNotFound();
        put(hrss, "/api/disclosure/manage/departments/" + department + "/guide",
                Map.of("body", "<h2>一、主动公开</h2><p onclick=\"x()\">范围</p>")).response().expectStatus().isOk();
        f.anonymous().get("/api/disclosure/departments/" + department + "/guide").expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo("<h2>一、主动公开</h2><p>范围</p>")
                .jsonPath("$.department.code").isEqualTo("HRSS");
        assertThat(audit("disclosure.guide.updated", department)).hasSize(1);
    }
}
