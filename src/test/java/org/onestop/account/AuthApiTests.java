package org.onestop.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.Identities;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

@PortalTest
class AuthApiTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    ApplicationContext app;

    private PortalClient client() {
        return new PortalClient(port);
    }

    static Map<String, Object> citizen(String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", "Laoshan#Spring26");
        body.put("displayName", "市民" + username);
        body.put("kind", "citizen");
        body.put("realName", "张伟");
        body.put("idNumber", Identities.idNumber());
        body.put("mobile", Identities.mobile());
        return body;
    }

    private long users() {
        return db.sql("SELECT count(*) FROM app_user").map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    private void expectFieldError(Map<String, Object> body, HttpStatus status, String field, String code) {
        long before = users();
        client().post("/api/auth/register", body)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.errors[?(@.field == '" + field + "')].code").isEqualTo(code)
                .jsonPath("$.errors[?(@.field == '" + field + "')].message").exists();
        assertThat(users()).as("nothing stored for a rejected registration").isEqualTo(before);
    }

    @Test
    void registerWhenCitizenValidThenCreatedAndOwnerSeesFullIdentity() {
        Map<String, Object> body = citizen("zhangwei");
        PortalClient client = client();
        client.post("/api/auth/register", body)
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.username").isEqualTo("zhangwei")
                .jsonPath("$.kind").isEqualTo("citizen")
                .jsonPath("$.roles[0]").isEqualTo("citizen");
        client.login("zhangwei", "Laoshan#Spring26");
        client.get("/api/me").expectStatus().isOk().expectBody()
                .jsonPath("$.id").isNumber()
                .jsonPath("$.displayName").isEqualTo("市民zhangwei")
                .jsonPath("$.kind").isEqualTo("citizen")
                .jsonPath("$.roles").isArray()
                .jsonPath("$.idNumber").isEqualTo(body.get("idNumber"))
                .jsonPath("$.mobile").isEqualTo(body.get("mobile"));
    }

    @Test
    void meAlwaysCarriesDepartmentIdEvenWhenNull() {
        client().post("/api/auth/register", citizen("nodept")).expectStatus().isCreated();
        String json = new String(client().login("nodept", "Laoshan#Spring26").get("/api/me")
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
        assertThat(json).contains("\"departmentId\":null");
    }

    @Test
    void registerWhenEnterpriseValidThenCreated() {
        Map<String, Object> body = citizen("haier_corp");
        body.remove("idNumber");
        body.put("kind", "enterprise");
        body.put("enterpriseName", "青岛海岸电子科技有限公司");
        body.put("creditCode", Identities.creditCode().toLowerCase());
        client().post("/api/auth/register", body)
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.kind").isEqualTo("enterprise")
                .jsonPath("$.roles[0]").isEqualTo("enterprise")
                .jsonPath("$.creditCode").isEqualTo(((String) body.get("creditCode")).toUpperCase());
    }

    @Test
    void registerWhenIdCheckDigitWrongThenFieldError() {
        Map<String, Object> body = citizen("wrongid");
        body.put("idNumber", Identities.withWrongCheck((String) body.get("idNumber")));
        expectFieldError(body, HttpStatus.BAD_REQUEST, "idNumber", "id_number.check_digit");
    }

    @Test
    void registerWhenCreditCodeCheckCharacterWrongThenFieldError() {
        Map<String, Object> body = citizen("wrongcode");
        body.put("kind", "enterprise");
        body.put("enterpriseName", "青岛测试贸易有限公司");
        String code = Identities.creditCode();
        char wrong = code.charAt(17) == '1' ? '2' : '1';
        body.put("creditCode", code.substring(0, 17) + wrong);
        expectFieldError(body, HttpStatus.BAD_REQUEST, "creditCode", "credit_code.check_character");
    }

    @Test
    void registerWhenUsernameTakenInAnyCaseThenConflict() {
        client().post("/api/auth/register", citizen("liuyang")).expectStatus().isCreated();
        expectFieldError(citizen("LiuYang"), HttpStatus.CONFLICT, "username", "taken");
    }

    @Test
    void registerWhenSamePersonRegistersTwiceThenConflictOnIdNumber() {
        Map<String, Object> first = citizen("twice1");
        client().post("/api/auth/register", first).expectStatus().isCreated();
        Map<String, Object> second = citizen("twice2");
        second.put("idNumber", first.get("idNumber"));
        expectFieldError(second, HttpStatus.CONFLICT, "idNumber", "taken");
    }

    @Test
    void registerWhenPasswordTooShortThenFieldError() {
        Map<String, Object> body = citizen("shortpw");
        body.put("password", "Ab#1");
        expectFieldError(body, HttpStatus.BAD_REQUEST, "password", "password.too_short");
    }

    @Test
    void registerWhenPasswordCommonThenFieldError() {
        Map<String, Object> body = citizen("commonpw");
        body.put("password", "password123");
        expectFieldError(body, HttpStatus.BAD_REQUEST, "password", "password.common");
    }

    @Test
    void registerWhenKindUnknownThenFieldError() {
        Map<String, Object> body = citizen("robot");
        body.put("kind", "robot");
        expectFieldError(body, HttpStatus.BAD_REQUEST, "kind", "registration_kind");
    }

    @Test
    void registerWhenMobileNotMainlandThenFieldError() {
        Map<String, Object> body = citizen("hkmobile");
        body.put("mobile", "85291234567");
        expectFieldError(body, HttpStatus.BAD_REQUEST, "mobile", "mobile");
    }

    @Test
    void registerWhenFieldHasWrongJsonTypeThenFieldError() {
        Map<String, Object> body = citizen("typed");
        body.put("username", Map.of("nested", true));
        expectFieldError(body, HttpStatus.BAD_REQUEST, "username", "type");
    }

    @Test
    void registerWhenJsonMalformedThenBadRequestProblem() {
        long before = users();
        client().withCsrf().http().post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"broken\", ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:malformed-body");
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void registerWhenBodyIsOneMegabyteThenPayloadTooLargeProblem() {
        Map<String, Object> body = citizen("huge");
        body.put("displayName", "长".repeat(350_000));
        long before = users();
        client().post("/api/auth/register", body)
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:payload-too-large");
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void registerWhenCsrfTokenMissingThenForbiddenProblem() {
        long before = users();
        PortalClient client = client().withCsrf();
        client.http().post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .header("X-XSRF-TOKEN", "not-the-token")
                .bodyValue(citizen("nocsrf"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:csrf");
        new PortalClient(port).http().post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(citizen("nocsrf2"))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:csrf");
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void messagesFollowAcceptLanguage() {
        Map<String, Object> body = citizen("lang");
        body.put("idNumber", Identities.withWrongCheck((String) body.get("idNumber")));
        client().language("en").post("/api/auth/register", body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.title").isEqualTo("Invalid input")
                .jsonPath("$.errors[0].message").isEqualTo("The check digit of the ID number is wrong. Please check the number.");
        client().language("zh-CN").post("/api/auth/register", body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.title").isEqualTo("输入有误")
                .jsonPath("$.errors[0].message").isEqualTo("身份证号码校验位不正确，请核对号码。");
    }

    @Test
    void loginWhenSixthWrongPasswordInARowThenTooManyRequestsWithRetryAfter() {
        client().post("/api/auth/register", citizen("guessme")).expectStatus().isCreated();
        PortalClient attacker = client();
        for (int i = 1; i <= 5; i++) {
            attacker.post("/api/auth/login", Map.of("username", "guessme", "password", "Wrong#Guess" + i))
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:bad-credentials");
        }
        attacker.post("/api/auth/login", Map.of("username", "guessme", "password", "Wrong#Guess6"))
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:rate-limited");
        // The throttle holds for the right password too, until the account's attempts refill.
        attacker.post("/api/auth/login", Map.of("username", "guessme", "password", "Laoshan#Spring26"))
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void loginWhenSuccessfulThenEarlierFailuresAreForgiven() {
        client().post("/api/auth/register", citizen("forgetful")).expectStatus().isCreated();
        PortalClient user = client();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                user.post("/api/auth/login", Map.of("username", "forgetful", "password", "Wrong#Guess" + i))
                        .expectStatus().isUnauthorized();
            }
            user.post("/api/auth/login", Map.of("username", "forgetful", "password", "Laoshan#Spring26"))
                    .expectStatus().isOk();
        }
    }

    @Test
    void loginWhenUnknownUserThenSameAnswerAsWrongPassword() {
        client().post("/api/auth/login", Map.of("username", "nobody_here", "password", "Whatever#2026"))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:bad-credentials");
    }

    @Test
    void loginWhenFieldsMissingThenFieldErrors() {
        client().post("/api/auth/login", Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'username')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'password')].code").isEqualTo("required");
    }

    @Test
    void loginChangesSessionIdAndLogoutEndsSession() {
        client().post("/api/auth/register", citizen("fixation")).expectStatus().isCreated();
        PortalClient browser = client();
        browser.get("/api/auth/csrf").expectStatus().isOk();
        browser.cookies().put("SESSION", "attacker-chosen-session");
        browser.login("fixation", "Laoshan#Spring26");
        assertThat(browser.cookies().get("SESSION")).isNotNull().isNotEqualTo("attacker-chosen-session");
        browser.get("/api/me").expectStatus().isOk();
        browser.post("/api/auth/logout", Map.of()).expectStatus().isNoContent();
        browser.get("/api/me").expectStatus().isUnauthorized();
    }

    @Test
    void meWhenAnonymousThenUnauthorizedProblem() {
        client().get("/api/me")
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:unauthenticated");
    }

    @Test
    void adminUsersWhenCitizenThenForbidden() {
        client().post("/api/auth/register", citizen("nosy")).expectStatus().isCreated();
        Map<String, Object> staff = Map.of("username", "sneaky", "password", "Sneaky#Staff2026", "displayName", "x",
                "roles", java.util.List.of("admin"));
        long before = users();
        client().login("nosy", "Laoshan#Spring26").post("/api/admin/users", staff)
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void adminCreatesOfficialWhoSeesOwnDepartmentAndTheActionIsAudited() {
        TestAccounts.staff(app, "root_admin", null, Role.ADMIN);
        PortalClient admin = client().login("root_admin", TestAccounts.PASSWORD);
        long hrss = db.sql("SELECT id FROM department WHERE code = 'HRSS'").map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5));
        admin.post("/api/admin/users", Map.of("username", "wang_hrss", "password", "Renshe#Office2026",
                        "displayName", "王科长", "roles", java.util.List.of("official"), "departmentId", hrss))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.kind").isEqualTo("staff").jsonPath("$.roles[0]").isEqualTo("official");
        client().login("wang_hrss", "Renshe#Office2026").get("/api/me").expectStatus().isOk().expectBody()
                .jsonPath("$.departmentId").isEqualTo(hrss)
                .jsonPath("$.departmentName").isEqualTo("市人力资源和社会保障局");
        Long audited = db.sql("SELECT count(*) FROM audit_log WHERE action = 'user.created' AND detail->>'username' = 'wang_hrss'")
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void adminCreateWhenOfficialWithoutDepartmentThenFieldError() {
        TestAccounts.staff(app, "admin_two", null, Role.ADMIN);
        client().login("admin_two", TestAccounts.PASSWORD)
                .post("/api/admin/users", Map.of("username", "floating", "password", "Floating#Staff2026",
                        "displayName", "无部门", "roles", java.util.List.of("official", "citizen")))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'roles')].code").isEqualTo("staff_role");
    }

    @Test
    void adminListMasksIdAndMobileButOpeningOneShowsThemAndIsAudited() {
        Map<String, Object> body = citizen("masked");
        client().post("/api/auth/register", body).expectStatus().isCreated();
        TestAccounts.staff(app, "admin_three", null, Role.ADMIN);
        PortalClient admin = client().login("admin_three", TestAccounts.PASSWORD);
        String id = (String) body.get("idNumber");
        String mobile = (String) body.get("mobile");
        admin.get("/api/admin/users?size=100").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.username == 'masked')].idNumber")
                .isEqualTo(id.substring(0, 4) + "**********" + id.substring(14))
                .jsonPath("$.items[?(@.username == 'masked')].mobile")
                .isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        long userId = db.sql("SELECT id FROM app_user WHERE username = 'masked'").map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5));
        admin.get("/api/admin/users/" + userId).expectStatus().isOk().expectBody().jsonPath("$.idNumber").isEqualTo(id);
        admin.get("/api/admin/users?size=101").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size");
        Long audited = db.sql("SELECT count(*) FROM audit_log WHERE action = 'user.personal_data_viewed' AND target_id = :id")
                .bind("id", String.valueOf(userId)).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void pagesCarryStrictSecurityHeaders() {
        client().get("/").expectStatus().isOk().expectHeader().value("Content-Security-Policy", csp -> {
            assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        }).expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
