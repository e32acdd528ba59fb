package org.onestop.disclosure.request;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onestop.Identities;
import org.onestop.PortalClient;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Applicants, staff and requests for the disclosure-request tests; usernames carry a per-class prefix. */
final class RequestFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes();

    private final ApplicationContext app;
    private final int port;
    private final String prefix;

    RequestFixture(ApplicationContext app, int port, String prefix) {
        this.app = app;
        this.port = port;
        this.prefix = prefix;
    }

    long department(String code) {
        return app.getBean(Departments.class).byCode(code).map(Department::id).block(Duration.ofSeconds(10));
    }

    PortalClient anonymous() {
        return new PortalClient(port);
    }

    PortalClient citizen(String name) {
        TestAccounts.citizen(app, prefix + name);
        return new PortalClient(port).login(prefix + name, TestAccounts.PASSWORD);
    }

    /** An enterprise account, registered as an enterprise registers itself. */
    PortalClient enterprise(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", prefix + name);
        body.put("password", TestAccounts.PASSWORD);
        body.put("displayName", "企业" + name);
        body.put("kind", "enterprise");
        body.put("realName", "王强");
        body.put("mobile", Identities.mobile());
        body.put("enterpriseName", "青岛" + name + "科技有限公司");
        body.put("creditCode", Identities.creditCode());
        anonymous().post("/api/auth/register", body).expectStatus().isCreated();
        return new PortalClient(port).login(prefix + name, TestAccounts.PASSWORD);
    }

    PortalClient staff(String name, String departmentCode, Role role) {
        TestAccounts.staff(app, prefix + name, departmentCode, role);
        return new PortalClient(port).login(prefix + name, TestAccounts.PASSWORD);
    }

    long userId(String name) {
        return app.getBean(DatabaseClient.class).sql("SELECT id FROM app_user WHERE username = :u").bind("u", prefix + name)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    Map<String, Object> application(String departmentCode, String delivery) {
        Map<String, Object> body = new HashMap<>();
        body.put("departmentId", department(departmentCode));
        body.put("description", "申请公开2025年度本市创业担保贷款贴息资金的发放总额及分区县明细。");
        body.put("documentTitle", "关于2025年度创业担保贷款贴息资金拨付情况的报告");
        body.put("purpose", "了解政策落实情况，用于研究");
        body.put("delivery", delivery);
        body.put("contactPhone", "0532-85912345");
        body.put("contactEmail", "applicant@example.com");
        body.put("contactAddress", "青岛市市南区香港中路10号");
        return body;
    }

    /** Applies and returns the answer: id, number, status, clock. */
    JsonNode apply(PortalClient applicant, String departmentCode, String delivery) {
        return json(applicant.post("/api/disclosure/requests", application(departmentCode, delivery)).expectStatus().isCreated());
    }

    record File(String name, byte[] bytes) {
    }

    static WebTestClient.ResponseSpec reply(PortalClient staff, long id, Map<String, String> fields, List<File> files) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        fields.forEach(body::part);
        for (File f : files) {
            body.part("files", f.bytes()).filename(f.name()).contentType(MediaType.APPLICATION_OCTET_STREAM);
        }
        staff.withCsrf();
        return staff.http().post().uri("/api/disclosure/requests/" + id + "/reply").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    static WebTestClient.ResponseSpec extend(PortalClient staff, long id, String reason) {
        return staff.post("/api/disclosure/requests/" + id + "/extension", Map.of("reason", reason));
    }

    static JsonNode get(PortalClient who, String path) {
        return json(who.get(path).expectStatus().isOk());
    }

    static JsonNode json(WebTestClient.ResponseSpec spec) {
        return JSON.readTree(spec.expectBody().returnResult().getResponseBodyContent());
    }

    /** The problem's field codes, after checking it is problem+json with this status. */
    static List<String> fieldCodes(WebTestClient.ResponseSpec spec, int status) {
        JsonNode problem = json(spec.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        return problem.path("errors").valueStream().map(e -> e.path("field").asString() + ":" + e.path("code").asString())
                .toList();
    }
}
