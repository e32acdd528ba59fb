package org.onestop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Who may read and act on a letter, and how tracking resists guessing. */
@MailboxTest
class MailboxAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static int fixtures;

    private MailboxFixture fixture() {
        return new MailboxFixture(app, port, "acc" + (++fixtures));
    }

    private static long write(MailboxFixture.Writer writer) {
        return MailboxFixture.write(writer.client(), MailboxFixture.letter("mayor", "help", "低保申请进度",
                "我家低保申请已提交一个月，想了解进度。")).path("id").asLong();
    }

    @Test
    void citizenReadingAnotherCitizensLetterByIdGetsNotFound() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer owner = f.writer("owner");
        MailboxFixture.Writer other = f.writer("other");
        long id = write(owner);
        owner.client().get("/api/mailbox/letters/" + id).expectStatus().isOk();
        other.client().get("/api/mailbox/letters/" + id).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        other.client().get("/api/mailbox/letters/" + (id + 1000)).expectStatus().isNotFound();
        other.client().post("/api/mailbox/letters/" + id + "/rating", Map.of("satisfaction", 5)).expectStatus().isNotFound();
        assertThat(MailboxFixture.get(other.client(), "/api/mailbox/letters/mine").path("total").asLong()).isZero();
        assertThat(MailboxFixture.get(owner.client(), "/api/mailbox/letters/mine").path("items").get(0).path("id").asLong())
                .isEqualTo(id);
    }

    @Test
    void wrongTrackingCodesGetNotFoundAndThenTooManyRequests() {
        MailboxFixture f = fixture();
        JsonNode written = MailboxFixture.write(f.writer("w").client(), MailboxFixture.letter("mayor", "help", "查询测试", "正文"));
        String number = written.path("trackingNumber").asString();
        PortalClient guesser = new PortalClient(port);
        guesser.post("/api/mailbox/track", Map.of("number", number, "code", written.path("queryCode").asString()))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("received");
        for (int i = 0; i < 5; i++) {
            guesser.post("/api/mailbox/track", Map.of("number", number, "code", "WRONG00" + i)).expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        guesser.post("/api/mailbox/track", Map.of("number", number, "code", "WRONG009"))
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        guesser.post("/api/mailbox/track", Map.of("number", number, "code", written.path("queryCode").asString()))
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        guesser.post("/api/mailbox/track", Map.of("number", "XX20260101000000", "code", "ABCDEFGH")).expectStatus().isNotFound();
    }

    @Test
    void officialCannotActOnACaseNotDispatchedToTheirDepartment() {
        MailboxFixture f = fixture();
        long id = write(f.writer("w"));
        f.hrss.post("/api/mailbox/cases/" + id + "/accept", Map.of()).expectStatus().isNotFound();
        f.acceptAndDispatch(id);
        f.housing.get("/api/mailbox/cases/" + id).expectStatus().isNotFound();
        f.housing.post("/api/mailbox/cases/" + id + "/reply", Map.of("text", "越权答复")).expectStatus().isNotFound();
        f.housing.post("/api/mailbox/cases/" + id + "/opinions", Map.of("text", "越权意见")).expectStatus().isNotFound();
        f.civil.post("/api/mailbox/cases/" + id + "/reply", Map.of("text", "协办不能答复")).expectStatus().isForbidden();
        f.hrss.post("/api/mailbox/cases/" + id + "/dispatch", Map.of("leadDepartmentId", f.department("HOUSING")))
                .expectStatus().isForbidden();
        assertThat(MailboxFixture.get(f.hrss, "/api/mailbox/cases/" + id).path("status").asString()).isEqualTo("handling");
    }

    @Test
    void adminCreatesMailboxClerkAndSupervisorAccounts() {
        TestAccounts.staff(app, "acc_admin", null, Role.ADMIN);
        PortalClient admin = new PortalClient(port).login("acc_admin", TestAccounts.PASSWORD);
        for (String role : List.of("mailbox_clerk", "supervisor")) {
            admin.post("/api/admin/users", Map.of("username", "new_" + role, "password", "Xinxiang#2026pass",
                            "displayName", "新" + role, "roles", List.of(role)))
                    .expectStatus().isCreated().expectBody().jsonPath("$.roles[0]").isEqualTo(role);
        }
        PortalClient clerk = new PortalClient(port).login("new_mailbox_clerk", "Xinxiang#2026pass");
        clerk.get("/api/mailbox/queue").expectStatus().isOk();
        new PortalClient(port).login("new_supervisor", "Xinxiang#2026pass").get("/api/mailbox/supervision").expectStatus().isOk();
    }

    @Test
    void citizenCannotUseStaffEndpoints() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer writer = f.writer("w");
        long id = write(writer);
        PortalClient citizen = writer.client();
        citizen.get("/api/mailbox/queue").expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        citizen.get("/api/mailbox/supervision").expectStatus().isForbidden();
        citizen.get("/api/mailbox/cases/" + id).expectStatus().isForbidden();
        citizen.post("/api/mailbox/cases/" + id + "/accept", Map.of()).expectStatus().isForbidden();
        citizen.post("/api/mailbox/cases/" + id + "/supervise", Map.of("text", "催办")).expectStatus().isForbidden();
        f.clerk.get("/api/mailbox/supervision").expectStatus().isForbidden();
        new PortalClient(port).get("/api/mailbox/queue").expectStatus().isUnauthorized();
        f.clerk.post("/api/mailbox/letters/" + id + "/reopen", Map.of()).expectStatus().isNotFound();
    }

    private static List<String> actions(JsonNode view) {
        return view.path("allowedActions").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void caseStatesTheActionsOfEachUserAndAnOfficialOfAnotherDepartmentGetsNotFound() {
        MailboxFixture f = fixture();
        MailboxFixture.Writer writer = f.writer("w");
        long id = write(writer);
        assertThat(actions(MailboxFixture.get(f.clerk, "/api/mailbox/cases/" + id))).containsExactly("accept", "not_accept", "note");
        assertThat(actions(MailboxFixture.get(f.supervisor, "/api/mailbox/cases/" + id))).containsExactly("note", "supervise");
        f.hrss.get("/api/mailbox/cases/" + id).expectStatus().isNotFound();
        assertThat(actions(MailboxFixture.get(writer.client(), "/api/mailbox/letters/" + id))).isEmpty();

        f.acceptAndDispatch(id);
        assertThat(actions(MailboxFixture.get(f.hrss, "/api/mailbox/cases/" + id)))
                .containsExactly("transfer_back", "request_information", "reply", "note");
        assertThat(actions(MailboxFixture.get(f.civil, "/api/mailbox/cases/" + id))).containsExactly("opinion", "note");
        assertThat(actions(MailboxFixture.get(f.clerk, "/api/mailbox/cases/" + id))).containsExactly("note");
        f.housing.get("/api/mailbox/cases/" + id).expectStatus().isNotFound()
                .expectBody().jsonPath("$.allowedActions").doesNotExist();

        JsonNode replied = MailboxFixture.ok(f.hrss, "/api/mailbox/cases/" + id + "/reply", Map.of("text", "已答复。"));
        assertThat(actions(replied)).containsExactly("note", "publish");
        JsonNode own = MailboxFixture.get(writer.client(), "/api/mailbox/letters/" + id);
        assertThat(actions(own)).containsExactly("rate");
        assertThat(own.path("canRate").asBoolean()).isTrue();
        JsonNode rated = MailboxFixture.ok(writer.client(), "/api/mailbox/letters/" + id + "/rating", Map.of("satisfaction", 2));
        assertThat(actions(rated)).containsExactly("reopen");
    }
}
