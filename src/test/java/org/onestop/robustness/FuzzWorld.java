package org.onestop.robustness;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onestop.Identities;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.onestop.servicehall.ServiceHallTestData;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * The people and objects the fuzzer needs so that its requests reach validation rather than
 * stopping at 401, 403 or 404: one signed-in client per role, and one live object of each kind
 * (a started inquiry session with questions and an answer, a dispatched letter, an open
 * consultation with a comment and an attachment, a published disclosure document, a disclosure
 * request, applications, a subscription, an Open311 key), all created through the API.
 */
final class FuzzWorld {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();
    static final String CALENDAR_YEAR = "2099";

    final ApplicationContext app;
    final int port;
    final DatabaseClient db;
    final Map<String, PortalClient> actors = new LinkedHashMap<>();
    final Map<String, Long> ids = new LinkedHashMap<>();
    String serviceCode;
    /** A service whose form the admin endpoint may change: not the one the applications use. */
    String formService;
    String openKey;
    /** An HRSS dataset with one uploaded CSV resource ({@code ids.dataResource}). */
    String dataset;

    FuzzWorld(ApplicationContext app, int port) {
        this.app = app;
        this.port = port;
        this.db = app.getBean(DatabaseClient.class);
    }

    long department(String code) {
        return db.sql("SELECT id FROM department WHERE code = :c").bind("c", code).map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5));
    }

    PortalClient actor(String name) {
        return actors.get(name);
    }

    /** A new anonymous browser: auth endpoints and Open311 are called without a session. */
    PortalClient guest() {
        return new PortalClient(port).withCsrf();
    }

    FuzzWorld build() {
        ids.put("hrss", department("HRSS"));
        ids.put("civil", department("CIVIL"));
        ids.put("admin", TestAccounts.staff(app, "fz_admin", null, Role.ADMIN));
        ids.put("moderator", TestAccounts.staff(app, "fz_mod", null, Role.MODERATOR));
        ids.put("official", TestAccounts.staff(app, "fz_hrss", "HRSS", Role.OFFICIAL));
        ids.put("eduOfficial", TestAccounts.staff(app, "fz_edu", "EDU", Role.OFFICIAL));
        ids.put("clerk", TestAccounts.staff(app, "fz_clerk", null, Role.MAILBOX_CLERK));
        ids.put("supervisor", TestAccounts.staff(app, "fz_sup", null, Role.SUPERVISOR));
        ids.put("citizen", TestAccounts.citizen(app, "fz_citizen"));
        ids.put("other", TestAccounts.citizen(app, "fz_other"));
        Map.of("admin", "fz_admin", "moderator", "fz_mod", "official", "fz_hrss", "eduOfficial", "fz_edu", "clerk", "fz_clerk",
                "supervisor", "fz_sup", "citizen", "fz_citizen").forEach((actor, username) ->
                actors.put(actor, new PortalClient(port).login(username, TestAccounts.PASSWORD).withCsrf()));
        ids.put("enterprise", enterprise());
        inquiry();
        mailbox();
        consultation();
        disclosure();
        applications();
        openData();
        PortalClient citizen = actor("citizen");
        ids.put("subscription", json(citizen.post("/api/me/subscriptions", Map.of("kind", "disclosure_department",
                "target", String.valueOf(ids.get("hrss")), "frequency", "daily")).expectStatus().isCreated()).path("id").asLong());
        JsonNode key = json(actor("admin").post("/api/admin/open311/keys", Map.of("name", "合作方", "username", "fz_citizen"))
                .expectStatus().isCreated());
        ids.put("openKey", key.path("details").path("id").asLong());
        openKey = key.path("key").asString();
        json(actor("enterprise").post("/api/enterprise/members", Map.of("username", "fz_other")).expectStatus().isCreated());
        return this;
    }

    private long enterprise() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", "fz_company");
        body.put("password", TestAccounts.PASSWORD);
        body.put("displayName", "青岛海鸥科技有限公司");
        body.put("kind", "enterprise");
        body.put("realName", "王经理");
        body.put("enterpriseName", "青岛海鸥科技有限公司");
        body.put("creditCode", Identities.creditCode());
        body.put("mobile", Identities.mobile());
        long id = json(guest().post("/api/auth/register", body).expectStatus().isCreated()).path("id").asLong();
        actors.put("enterprise", new PortalClient(port).login("fz_company", TestAccounts.PASSWORD).withCsrf());
        return id;
    }

    private void inquiry() {
        Instant startsAt = Instant.now().plusSeconds(3600);
        long session = json(actor("moderator").post("/api/inquiry/sessions", Map.of("title", "就业创业政策在线访谈",
                "description", "市人社局解读就业政策。", "departmentId", ids.get("hrss"), "startsAt", startsAt.toString(),
                "endsAt", startsAt.plusSeconds(7200).toString(), "officialIds", List.of(ids.get("official")),
                "moderatorIds", List.of(ids.get("moderator")))).expectStatus().isCreated()).path("id").asLong();
        actor("moderator").post("/api/inquiry/sessions/" + session + "/start", Map.of()).expectStatus().isOk();
        ids.put("session", session);
        long[] questions = new long[3];
        for (int i = 0; i < 3; i++) {
            questions[i] = json(actor("citizen").post("/api/inquiry/sessions/" + session + "/questions",
                    Map.of("text", "灵活就业人员如何缴纳社保？第" + (i + 1) + "问", "anonymous", false)).expectStatus().isCreated())
                    .path("id").asLong();
        }
        actor("moderator").post("/api/inquiry/questions/" + questions[0] + "/approve", Map.of()).expectStatus().isOk();
        actor("moderator").post("/api/inquiry/questions/" + questions[1] + "/approve", Map.of()).expectStatus().isOk();
        ids.put("question", questions[0]);
        ids.put("question2", questions[1]);
        ids.put("pendingQuestion", questions[2]);
        ids.put("answer", json(actor("official").post("/api/inquiry/questions/" + questions[0] + "/answers",
                Map.of("text", "可以在社保大厅或网上办理。")).expectStatus().isCreated()).path("id").asLong());
    }

    private void mailbox() {
        String letter = HostileValues.JSON.writeValueAsString(Map.of("mailbox", "mayor", "kind", "suggestion",
                "title", "建议延长社保大厅周末开放时间", "body", "周末只开放半天，建议周六全天开放。", "location", "市南区香港中路",
                "consentToPublish", true, "contactPreference", "sms"));
        long id = multipart(actor("citizen"), "/api/mailbox/letters", Map.of("letter", letter), "attachments", null)
                .path("id").asLong();
        actor("clerk").post("/api/mailbox/cases/" + id + "/accept", Map.of()).expectStatus().isOk();
        actor("clerk").post("/api/mailbox/cases/" + id + "/dispatch", Map.of("leadDepartmentId", ids.get("hrss"),
                "cohandlerIds", List.of(ids.get("civil")), "note", "请人社局主办")).expectStatus().isOk();
        ids.put("letter", id);
    }

    private void consultation() {
        Instant opens = Instant.now().plus(Duration.ofHours(1));
        long id = json(actor("official").post("/api/consultations", Map.of("title", "就业补贴办法（征求意见稿）",
                "summary", "征求对就业补贴办法的意见。", "text", "第一条 为了规范就业补贴发放，制定本办法。",
                "opensAt", opens.toString(), "closesAt", opens.plus(Duration.ofDays(10)).toString()))
                .expectStatus().isCreated()).path("id").asLong();
        JsonNode attached = multipart(actor("official"), "/api/consultations/" + id + "/attachments", Map.of(), "files", PDF);
        ids.put("attachment", attached.path(0).path("id").asLong());
        // Open the window now, as the clock would an hour later, so citizens may comment.
        db.sql("UPDATE consultation SET opens_at = now() - interval '1 hour' WHERE id = :id").bind("id", id).then()
                .block(Duration.ofSeconds(5));
        ids.put("consultation", id);
        ids.put("comment", json(actor("citizen").post("/api/consultations/" + id + "/comments",
                Map.of("text", "建议补贴标准随物价调整。", "anonymous", false)).expectStatus().isCreated()).path("id").asLong());
    }

    private void disclosure() {
        ids.put("document", json(actor("official").post("/api/disclosure/manage/documents", Map.of("title", "关于调整就业补贴标准的通知",
                "category", "normative", "docNumber", "青人社发〔2026〕1号", "topic", "就业", "publishedOn", LocalDate.now().toString(),
                "validity", "valid", "body", "<p>自2026年起调整就业补贴标准。</p>", "relatedIds", List.of()))
                .expectStatus().isCreated()).path("id").asLong());
        ids.put("request", json(actor("citizen").post("/api/disclosure/requests", disclosureRequest()).expectStatus().isCreated())
                .path("id").asLong());
    }

    private void openData() {
        dataset = "fuzz-employment";
        actor("official").post("/api/opendata/manage/datasets", Map.of("name", dataset, "title", "就业登记人数", "description",
                "全市各区县就业登记人数统计。", "theme", "social", "keywords", List.of("就业"), "licence", "cc-by-4.0", "frequency", "monthly",
                "spatial", "青岛市", "contactName", "数据联络员", "contactEmail", "hrss@data.onestop.example.cn")).expectStatus().isCreated();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("name", "就业登记人数（CSV）");
        body.part("format", "CSV");
        body.part("file", "区县,人数\n市南区,120\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).filename("就业.csv")
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        ids.put("dataResource", json(actor("official").http().post().uri("/api/opendata/manage/datasets/" + dataset + "/resources")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated()).path("id").asLong());
    }

    Map<String, Object> disclosureRequest() {
        return Map.of("departmentId", ids.get("hrss"), "description", "申请公开2025年度创业担保贷款贴息资金发放总额。",
                "documentTitle", "关于贴息资金拨付情况的报告", "purpose", "研究", "delivery", "electronic",
                "contactPhone", "0532-85912345", "contactEmail", "applicant@example.com", "contactAddress", "青岛市市南区香港中路10号");
    }

    private void applications() {
        List<ServiceHallTestData.Loaded> services = ServiceHallTestData.load(app);
        serviceCode = services.stream().filter(s -> s.nameZh().equals("普通高中转学")).findFirst().orElseThrow().code();
        formService = services.stream().filter(s -> s.departmentCode().equals("HRSS")).findFirst().orElseThrow().code();
        PortalClient citizen = actor("citizen");
        long draft = json(citizen.post("/api/applications", Map.of("serviceCode", serviceCode)).expectStatus().isCreated())
                .path("id").asLong();
        JsonNode material = multipart(citizen, "/api/applications/" + draft + "/materials/transfer-out", Map.of(), "file", PDF);
        ids.put("application", draft);
        ids.put("material", material.path("id").asLong());
        long submitted = json(citizen.post("/api/applications", Map.of("serviceCode", serviceCode)).expectStatus().isCreated())
                .path("id").asLong();
        citizen.http().put().uri("/api/applications/" + submitted + "/data").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("data", SampleBodies.transferData())).exchange().expectStatus().isOk();
        for (String code : List.of("transfer-out", "transfer-in", "student-record", "household")) {
            multipart(citizen, "/api/applications/" + submitted + "/materials/" + code, Map.of(), "file", PDF);
        }
        citizen.post("/api/applications/" + submitted + "/submit", Map.of()).expectStatus().isOk();
        ids.put("submitted", submitted);
    }

    private static JsonNode multipart(PortalClient who, String path, Map<String, String> fields, String filePart, byte[] file) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        fields.forEach((name, value) -> body.part(name, value, MediaType.APPLICATION_JSON));
        if (file != null) {
            body.part(filePart, file).filename("材料.pdf").contentType(MediaType.APPLICATION_OCTET_STREAM);
        }
        return json(who.http().post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().is2xxSuccessful());
    }

    static JsonNode json(WebTestClient.ResponseSpec spec) {
        return HostileValues.JSON.readTree(spec.expectBody().returnResult().getResponseBodyContent());
    }
}
