package org.onestop.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onestop.Identities;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.servicehall.ServiceHallTestData;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of everything, owned by someone, for the authorisation matrix: a signed-in client per
 * {@link Caller}, and a record of each kind whose ids fill the routes' path variables. The citizen
 * owns the citizen's records (letter, application, disclosure request, question, subscription); the
 * enterprise is a different signed-in person, so its column is "somebody else's record". Records
 * belong to HRSS (school transfers, the one service with a complete form, to EDU), so the owning
 * official is an HRSS (or EDU) official and the other official is one of HOUSING.
 */
final class AccessWorld {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z]+)(:[^}]*)?}");

    final ApplicationContext app;
    final int port;
    final DatabaseClient db;
    private final Map<Caller, PortalClient> clients = new EnumMap<>(Caller.class);
    private final PortalClient eduOfficial;
    final Map<String, String> ids = new HashMap<>();
    /** Path variables this world has no record for: each must get one, or its row tests nothing real. */
    final java.util.Set<String> unresolved = new java.util.TreeSet<>();
    long citizenId;
    long enterpriseId;

    AccessWorld(ApplicationContext app, int port, String prefix) {
        this.app = app;
        this.port = port;
        this.db = app.getBean(DatabaseClient.class);
        citizenId = TestAccounts.citizen(app, prefix + "cit");
        ids.put("citizenUsername", prefix + "cit");
        ids.put("username", prefix + "cit");
        clients.put(Caller.ANONYMOUS, new PortalClient(port));
        clients.put(Caller.CITIZEN, login(prefix + "cit"));
        enterpriseId = registerEnterprise(prefix + "ent");
        clients.put(Caller.ENTERPRISE, login(prefix + "ent"));
        long hrssOfficial = TestAccounts.staff(app, prefix + "own", "HRSS", Role.OFFICIAL);
        clients.put(Caller.OWNING_OFFICIAL, login(prefix + "own"));
        TestAccounts.staff(app, prefix + "edu", "EDU", Role.OFFICIAL);
        eduOfficial = login(prefix + "edu");
        TestAccounts.staff(app, prefix + "oth", "HOUSING", Role.OFFICIAL);
        clients.put(Caller.OTHER_OFFICIAL, login(prefix + "oth"));
        long moderatorId = TestAccounts.staff(app, prefix + "mod", null, Role.MODERATOR);
        clients.put(Caller.MODERATOR, login(prefix + "mod"));
        TestAccounts.staff(app, prefix + "adm", null, Role.ADMIN);
        clients.put(Caller.ADMIN, login(prefix + "adm"));
        TestAccounts.staff(app, prefix + "clk", null, Role.MAILBOX_CLERK);
        clients.put(Caller.CLERK, login(prefix + "clk"));
        TestAccounts.staff(app, prefix + "sup", null, Role.SUPERVISOR);
        clients.put(Caller.SUPERVISOR, login(prefix + "sup"));
        ids.put("citizen", String.valueOf(citizenId));
        ids.put("hrss", String.valueOf(department("HRSS")));
        letter();
        session(hrssOfficial, moderatorId);
        consultation();
        application();
        disclosure();
        myGovernment();
        open311(prefix + "cit");
        openData();
    }

    /**
     * A well-formed body for the writes whose services check the input before the caller (an empty
     * body would be refused with 400 before the access decision is reached); others get "{}".
     */
    Object body(String route) {
        long letter = Long.parseLong(ids.get("letter"));
        return switch (route) {
            case "POST /api/mailbox/cases/{id}/dispatch" -> Map.of("leadDepartmentId", department("HRSS"), "cohandlerIds", List.of(),
                    "note", "请人社局办理");
            case "POST /api/mailbox/cases/{id}/information-request" -> Map.of("question", "请补充供暖单位名称。");
            case "POST /api/mailbox/cases/{id}/notes", "POST /api/mailbox/cases/{id}/opinions", "POST /api/mailbox/cases/{id}/reply",
                    "POST /api/mailbox/letters/{id}/supplement", "POST /api/inquiry/questions/{id}/answers",
                    "PUT /api/inquiry/answers/{id}" -> Map.of("text", "已记录，谢谢。" + letter);
            case "POST /api/mailbox/cases/{id}/not-accept", "POST /api/mailbox/cases/{id}/transfer-back",
                    "POST /api/applications/{id}/reject", "POST /api/consultations/comments/{commentId}/reject",
                    "POST /api/inquiry/questions/{id}/reject" -> Map.of("reason", "不属于本单位职责范围。");
            case "POST /api/mailbox/letters/{id}/rating" -> Map.of("satisfaction", 5, "comment", "满意");
            case "POST /api/applications/{id}/supplement" -> Map.of("note", "材料不清晰", "missing",
                    List.of(Map.of("kind", "material", "code", "household", "note", "请上传清晰的户口簿")));
            case "POST /api/applications" -> Map.of("serviceCode", ids.get("service"));
            case "POST /api/opendata/keys" -> Map.of("name", "研究用");
            case "POST /api/opendata/requests" -> Map.of("departmentId", department("HRSS"), "title", "历年就业登记人数",
                    "description", "希望开放按区县统计的就业登记人数。");
            case "POST /api/opendata/requests/{id}/answer" -> Map.of("status", "declined", "answer", "涉及个人信息，暂不开放。");
            case "POST /api/opendata/manage/datasets/{name}/updates" -> Map.of("summary", "更新本月数据");
            case "POST /api/opendata/manage/datasets/{name}/api-resources" -> Map.of("name", "就业数据接口",
                    "url", "https://data.hrss.example.gov.cn/api/employment");
            case "POST /api/opendata/manage/datasets", "PUT /api/opendata/manage/datasets/{name}" -> datasetMetadata();
            case "GET /api/3/action/{action}", "POST /api/3/action/{action}" -> Map.of();
            case "POST /api/enterprise/members" -> Map.of("username", ids.get("citizenUsername"));
            case "POST /api/inquiry/questions/{id}/merge" -> Map.of("into", Long.parseLong(ids.get("question2")));
            case "POST /api/inquiry/sessions/{id}/mutes" -> Map.of("userId", citizenId);
            case "PUT /api/me/subscriptions/{id}" -> Map.of("kind", "record", "target", "water-bill", "frequency", "weekly");
            case "PUT /api/consultations/{id}" -> Map.of("title", "就业补贴办法（征求意见稿）", "summary", "征求意见。",
                    "text", "第一条 修订。", "opensAt", Instant.now().plus(Duration.ofHours(1)).toString(),
                    "closesAt", Instant.now().plus(Duration.ofDays(7)).toString());
            case "POST /api/consultations/{id}/feedback" -> Map.of("text", "感谢各方意见。", "decisions", List.of());
            case "PUT /api/disclosure/manage/departments/{id}/guide" -> Map.of("body", "<p>依申请公开指南（修订）</p>");
            default -> Map.of();
        };
    }

    /** The query a read needs to reach its access decision (a required parameter), or "". */
    String query(String route) {
        return route.equals("GET /api/mailbox/cases/{id}/draft")
                ? "?template=" + one("SELECT min(id) FROM mailbox_reply_template") : "";
    }

    /** Who makes a request of this route; the owning official depends on whose record it is. */
    PortalClient client(Caller caller, String pattern) {
        if (caller == Caller.OWNING_OFFICIAL && (pattern.startsWith("/api/applications") || pattern.contains("/form"))) {
            return eduOfficial;
        }
        return clients.get(caller);
    }

    /** The route's pattern with every variable filled with the id of this world's record. */
    String path(String pattern) {
        String path = switch (pattern) {
            case "/**" -> "/index.html";
            case "/swagger-ui/**" -> "/swagger-ui/index.html";
            case "/webjars/**", "/webjars/*swagger-ui/**" -> "/webjars/swagger-ui/index.html";
            default -> pattern.replace("**", "index.html").replace("*", "");
        };
        Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(pattern, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String pattern, String variable) {
        String area = pattern.startsWith("/api/mailbox/public/letters") ? "publicLetter"
                : pattern.startsWith("/api/mailbox") ? "letter"
                : pattern.startsWith("/api/consultations") ? "consultation"
                : pattern.startsWith("/api/inquiry/questions") ? "question"
                : pattern.startsWith("/api/inquiry/answers") ? "answer"
                : pattern.startsWith("/api/inquiry") ? "session"
                : pattern.startsWith("/api/applications") ? "application"
                : pattern.startsWith("/api/disclosure/requests") ? "request"
                : pattern.startsWith("/api/disclosure/documents") || pattern.startsWith("/api/disclosure/manage/documents") ? "document"
                : pattern.startsWith("/api/disclosure/departments") || pattern.startsWith("/api/disclosure/manage/departments")
                        || pattern.startsWith("/api/departments") ? "hrss"
                : pattern.startsWith("/api/admin/users") ? "citizen"
                : pattern.startsWith("/api/admin/open311") ? "open311Key"
                : pattern.startsWith("/api/me/subscriptions") ? "subscription"
                : pattern.startsWith("/api/me/digests") ? "digest"
                : pattern.startsWith("/open311") ? "open311"
                : pattern.startsWith("/api/opendata/datasets") || pattern.startsWith("/api/opendata/manage/datasets") ? "dataset"
                : pattern.startsWith("/api/opendata/resources") || pattern.startsWith("/api/opendata/datastore") ? "resource"
                : pattern.startsWith("/api/opendata/requests") ? "dataRequest"
                : pattern.startsWith("/api/opendata/keys") ? "dataKey"
                : "";
        String key = switch (variable) {
            case "id" -> pattern.startsWith("/api/opendata/manage/datasets/{name}/resources/") ? "resource" : area;
            case "name", "resourceId" -> area;
            case "format" -> "format";
            case "attachmentId" -> area + "Attachment";
            case "materialId" -> "material";
            case "fileId" -> "requestFile";
            case "commentId" -> "comment";
            case "accountId" -> "citizen";
            case "code" -> pattern.contains("/materials/") ? "materialCode" : pattern.contains("/form") ? "service" : "anyService";
            case "year" -> pattern.startsWith("/api/admin") && pattern.contains("calendar") ? "adminYear" : "year";
            default -> variable;
        };
        String value = ids.get(key);
        if (value == null) {
            // Still requested (with a number no record has), so a new route's observed line can be shown.
            unresolved.add("{" + variable + "} of " + pattern);
            return "1";
        }
        return value;
    }

    private void letter() {
        PortalClient citizen = clients.get(Caller.CITIZEN);
        Map<String, Object> letter = Map.of("mailbox", "mayor", "kind", "complaint", "title", "小区供暖不热",
                "body", "今年冬天小区供暖温度一直不达标，请尽快处理。", "location", "市南区香港中路", "consentToPublish", true,
                "contactPreference", "sms");
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("letter", JSON.writeValueAsString(letter), MediaType.APPLICATION_JSON);
        parts.part("attachments", PNG).filename("photo.png").contentType(MediaType.APPLICATION_OCTET_STREAM);
        long id = json(multipart(citizen, "/api/mailbox/letters", parts).expectStatus().is2xxSuccessful()).path("id").asLong();
        PortalClient clerk = clients.get(Caller.CLERK);
        PortalClient hrss = clients.get(Caller.OWNING_OFFICIAL);
        clerk.post("/api/mailbox/cases/" + id + "/accept", Map.of()).expectStatus().is2xxSuccessful();
        clerk.post("/api/mailbox/cases/" + id + "/dispatch", Map.of("leadDepartmentId", department("HRSS"),
                "cohandlerIds", List.of(), "note", "请人社局办理")).expectStatus().is2xxSuccessful();
        hrss.post("/api/mailbox/cases/" + id + "/reply", Map.of("text", "您好！经核查，供热公司已完成管网调试。"))
                .expectStatus().is2xxSuccessful();
        hrss.post("/api/mailbox/cases/" + id + "/publish", Map.of()).expectStatus().is2xxSuccessful();
        ids.put("letter", String.valueOf(id));
        ids.put("publicLetter", String.valueOf(id));
        ids.put("letterAttachment", one("SELECT id FROM mailbox_attachment WHERE letter_id = " + id));
    }

    private void session(long officialId, long moderatorId) {
        PortalClient moderator = clients.get(Caller.MODERATOR);
        Instant startsAt = Instant.now().plusSeconds(3600);
        long id = json(moderator.post("/api/inquiry/sessions", Map.of("title", "就业政策在线访谈", "description", "解读就业政策。",
                "departmentId", department("HRSS"), "startsAt", startsAt.toString(), "endsAt", startsAt.plusSeconds(7200).toString(),
                "officialIds", List.of(officialId), "moderatorIds", List.of(moderatorId))).expectStatus().is2xxSuccessful())
                .path("id").asLong();
        moderator.post("/api/inquiry/sessions/" + id + "/start", Map.of()).expectStatus().is2xxSuccessful();
        long question = json(clients.get(Caller.CITIZEN).post("/api/inquiry/sessions/" + id + "/questions",
                Map.of("text", "灵活就业人员如何缴纳社保？", "anonymous", false)).expectStatus().is2xxSuccessful()).path("id").asLong();
        moderator.post("/api/inquiry/questions/" + question + "/approve", Map.of()).expectStatus().is2xxSuccessful();
        ids.put("question2", json(clients.get(Caller.CITIZEN).post("/api/inquiry/sessions/" + id + "/questions",
                Map.of("text", "灵活就业人员社保怎么交？", "anonymous", false)).expectStatus().is2xxSuccessful()).path("id").asString());
        long answer = json(clients.get(Caller.OWNING_OFFICIAL).post("/api/inquiry/questions/" + question + "/answers",
                Map.of("text", "可在社保经办窗口或网上办理。")).expectStatus().is2xxSuccessful()).path("id").asLong();
        ids.put("session", String.valueOf(id));
        ids.put("question", String.valueOf(question));
        ids.put("answer", String.valueOf(answer));
    }

    private void consultation() {
        PortalClient official = clients.get(Caller.OWNING_OFFICIAL);
        Instant opens = Instant.now().plus(Duration.ofHours(1));
        long id = json(official.post("/api/consultations", Map.of("title", "就业补贴办法（征求意见稿）", "summary", "征求意见。",
                "text", "第一条 为了规范就业补贴的发放，制定本办法。", "opensAt", opens.toString(),
                "closesAt", opens.plus(Duration.ofDays(7)).toString())).expectStatus().is2xxSuccessful()).path("id").asLong();
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("files", PDF).filename("draft.pdf").contentType(MediaType.APPLICATION_OCTET_STREAM);
        multipart(official, "/api/consultations/" + id + "/attachments", parts).expectStatus().is2xxSuccessful();
        ids.put("consultation", String.valueOf(id));
        ids.put("consultationAttachment", one("SELECT id FROM consultation_attachment WHERE consultation_id = " + id));
        // The window opens in an hour, so the citizen's comment is written straight into the store.
        ids.put("comment", one("""
                INSERT INTO consultation_comment (consultation_id, author_id, author_name, anonymous, text, status, submitted_at)
                VALUES (%d, %d, '网友', false, '建议扩大补贴范围。', 'pending', now()) RETURNING id""".formatted(id, citizenId)));
    }

    private void application() {
        List<ServiceHallTestData.Loaded> services = ServiceHallTestData.load(app);
        String transfer = services.stream().filter(s -> s.nameZh().equals("普通高中转学")).findFirst().orElseThrow().code();
        ids.put("service", transfer);
        ids.put("anyService", transfer);
        PortalClient citizen = clients.get(Caller.CITIZEN);
        long id = json(citizen.post("/api/applications", Map.of("serviceCode", transfer)).expectStatus().is2xxSuccessful())
                .path("id").asLong();
        citizen.withCsrf().http().put().uri("/api/applications/" + id + "/data").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("data", transferData())).exchange().expectStatus().is2xxSuccessful();
        for (String code : List.of("transfer-out", "transfer-in", "student-record", "household")) {
            MultipartBodyBuilder parts = new MultipartBodyBuilder();
            parts.part("file", PDF).filename(code + ".pdf").contentType(MediaType.APPLICATION_OCTET_STREAM);
            multipart(citizen, "/api/applications/" + id + "/materials/" + code, parts).expectStatus().is2xxSuccessful();
        }
        citizen.post("/api/applications/" + id + "/submit", Map.of()).expectStatus().is2xxSuccessful();
        ids.put("application", String.valueOf(id));
        ids.put("materialCode", "household");
        ids.put("material", one("SELECT min(id) FROM application_material WHERE application_id = " + id));
    }

    private void disclosure() {
        PortalClient citizen = clients.get(Caller.CITIZEN);
        PortalClient official = clients.get(Caller.OWNING_OFFICIAL);
        Map<String, Object> application = new HashMap<>();
        application.put("departmentId", department("HRSS"));
        application.put("description", "申请公开2025年度创业担保贷款贴息资金的发放总额。");
        application.put("documentTitle", "关于创业担保贷款贴息资金拨付情况的报告");
        application.put("purpose", "研究");
        application.put("delivery", "electronic");
        application.put("contactPhone", "0532-85912345");
        application.put("contactEmail", "applicant@example.com");
        application.put("contactAddress", "青岛市市南区香港中路10号");
        long id = json(citizen.post("/api/disclosure/requests", application).expectStatus().is2xxSuccessful()).path("id").asLong();
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("outcome", "disclosed");
        parts.part("text", "经审查，您申请的信息予以公开，详见附件。");
        parts.part("files", PDF).filename("report.pdf").contentType(MediaType.APPLICATION_OCTET_STREAM);
        multipart(official, "/api/disclosure/requests/" + id + "/reply", parts).expectStatus().is2xxSuccessful();
        ids.put("request", String.valueOf(id));
        ids.put("requestFile", one("SELECT id FROM disclosure_request_file WHERE request_id = " + id));
        long document = json(official.post("/api/disclosure/manage/documents", Map.of("title", "关于印发创业担保贷款实施办法的通知",
                "category", "normative-dept", "docNumber", "青人社发〔2026〕8号", "topic", "就业创业", "publishedOn", "2026-03-02",
                "validity", "valid", "body", "<p>正文</p>", "relatedIds", List.of())).expectStatus().is2xxSuccessful()).path("id").asLong();
        ids.put("document", String.valueOf(document));
        MultipartBodyBuilder file = new MultipartBodyBuilder();
        file.part("files", PDF).filename("流程图.pdf").contentType(MediaType.APPLICATION_OCTET_STREAM);
        multipart(official, "/api/disclosure/manage/documents/" + document + "/attachments", file).expectStatus().is2xxSuccessful();
        ids.put("documentAttachment", one("SELECT id FROM disclosure_attachment WHERE document_id = " + document));
        official.withCsrf().http().put().uri("/api/disclosure/manage/departments/" + department("HRSS") + "/guide")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", "<p>依申请公开指南</p>")).exchange()
                .expectStatus().is2xxSuccessful();
        ids.put("version", "1");
        ids.put("department", "HRSS");
        ids.put("category", "normative-dept");
    }

    private void myGovernment() {
        PortalClient citizen = clients.get(Caller.CITIZEN);
        long subscription = json(citizen.post("/api/me/subscriptions", Map.of("kind", "record", "target", "water-bill",
                "frequency", "daily")).expectStatus().is2xxSuccessful()).path("id").asLong();
        ids.put("subscription", String.valueOf(subscription));
        ids.put("digest", one("INSERT INTO mygov_digest (user_id, frequency, period, created_at) VALUES (" + citizenId
                + ", 'daily', '2026-01-05', now()) RETURNING id"));
        ids.put("type", "water-bill");
        ids.put("year", "2026");
        // An admin withdrawing a year that is not there answers 404; withdrawing 2026 would take the
        // reference calendar away from every other test class.
        ids.put("adminYear", "2099");
    }

    private void open311(String partner) {
        // The first request for the API description builds it, which can take longer than a test client waits.
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        JsonNode key = json(clients.get(Caller.ADMIN).post("/api/admin/open311/keys", Map.of("name", "matrix", "username", partner))
                .expectStatus().is2xxSuccessful());
        ids.put("open311Key", key.path("details").path("id").asString());
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("api_key", key.path("key").asString());
        form.add("service_code", "HOUSING.complaint");
        form.add("description", "小区电梯经常故障，请尽快维修。");
        form.add("first_name", "建国");
        form.add("last_name", "王");
        form.add("phone", Identities.mobile());
        form.add("address_string", "市北区辽宁路100号");
        form.add("attribute[respondent]", "某物业公司");
        JsonNode created = json(WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().post()
                .uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().is2xxSuccessful());
        ids.put("open311", created.get(0).path("service_request_id").asString());
        ids.put("format", "json");
        ids.put("serviceCode", "HOUSING.complaint");
        ids.put("token", created.get(0).path("token").asString(created.get(0).path("service_request_id").asString()));
        ids.put("path", "db");
    }

    private static Map<String, Object> transferData() {
        String student = Identities.idNumber();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("studentName", "李小明");
        data.put("studentIdNumber", student);
        data.put("gender", "male");
        data.put("studentNumber", "G" + student);
        data.put("grade", "g10");
        data.put("guardianName", "李建国");
        data.put("guardianRelation", "father");
        data.put("guardianIdNumber", Identities.idNumber());
        data.put("guardianMobile", Identities.mobile());
        data.put("fromSchool", "青岛第二中学");
        data.put("toSchool", "青岛第五十八中学");
        data.put("toDistrict", "370212");
        data.put("transferDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString());
        data.put("reason", "relocation");
        data.put("newAddress", "崂山区香港东路100号");
        data.put("declaration", true);
        return data;
    }

    private long registerEnterprise(String username) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", TestAccounts.PASSWORD);
        body.put("displayName", "青岛海岸科技有限公司");
        body.put("kind", "enterprise");
        body.put("realName", "王经理");
        body.put("enterpriseName", "青岛海岸科技有限公司");
        body.put("creditCode", Identities.creditCode());
        body.put("mobile", Identities.mobile());
        return json(new PortalClient(port).post("/api/auth/register", body).expectStatus().is2xxSuccessful()).path("id").asLong();
    }

    private PortalClient login(String username) {
        return new PortalClient(port).login(username, TestAccounts.PASSWORD);
    }

    long department(String code) {
        return Long.parseLong(one("SELECT id FROM department WHERE code = '" + code + "'"));
    }

    /** The first column of the first row of a fixed query (never user input). */
    /**
     * Open data: the demo catalogue's first datasets (a few rows each), one of the owning department
     * (HRSS) with a resource; the citizen's API key and dataset request to that department.
     */
    private void openData() {
        org.onestop.opendata.demo.DemoSet.load(app, 30, 5);
        String dataset = db.sql("""
                SELECT d.name FROM opendata_dataset d JOIN department p ON p.id = d.department_id
                WHERE p.code = 'HRSS' AND EXISTS (SELECT 1 FROM opendata_resource r WHERE r.dataset_id = d.id AND r.datastore_table IS NOT NULL)
                ORDER BY d.id LIMIT 1""").map(r -> r.get(0, String.class)).one().block(Duration.ofSeconds(5));
        ids.put("dataset", dataset);
        ids.put("resource", one("SELECT min(r.id) FROM opendata_resource r JOIN opendata_dataset d ON d.id = r.dataset_id "
                + "WHERE r.datastore_table IS NOT NULL AND d.name = '" + dataset + "'"));
        PortalClient citizen = clients.get(Caller.CITIZEN);
        ids.put("dataKey", json(citizen.post("/api/opendata/keys", Map.of("name", "我的研究")).expectStatus().is2xxSuccessful())
                .path("key").path("id").asString());
        ids.put("dataRequest", json(citizen.post("/api/opendata/requests", Map.of("departmentId", department("HRSS"),
                "title", "各区县失业保险金发放人数", "description", "按月统计。")).expectStatus().is2xxSuccessful()).path("id").asString());
        ids.put("action", "package_list");
    }

    private static Map<String, Object> datasetMetadata() {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("name", "access-matrix-" + Long.toHexString(System.nanoTime()));
        m.put("title", "就业登记统计");
        m.put("description", "按区县和月份统计的就业登记人数，供研究使用。");
        m.put("theme", "public-services");
        m.put("keywords", List.of("就业"));
        m.put("licence", "cc-by-4.0");
        m.put("frequency", "monthly");
        m.put("spatial", "青岛市");
        m.put("contactName", "数据开放办");
        m.put("contactEmail", "data@example.com");
        m.put("contactPhone", "0532-85912345");
        return m;
    }

    String one(String sql) {
        return String.valueOf(db.sql(sql).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5)));
    }

    static WebTestClient.ResponseSpec multipart(PortalClient who, String path, MultipartBodyBuilder parts) {
        who.withCsrf();
        return who.http().post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build())).exchange();
    }

    static JsonNode json(WebTestClient.ResponseSpec spec) {
        return JSON.readTree(spec.expectBody().returnResult().getResponseBodyContent());
    }
}
