package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;

/** Password guessing locks the account for its window; an admin can lift the lock, and that is audited. */
@PortalTest
class LoginLockoutTests {

    @Autowired
    ApplicationContext app;

    @LocalServerPort
    int port;

    private void guess(PortalClient who, String username, int times) {
        for (int i = 0; i < times; i++) {
            who.post("/api/auth/login", Map.of("username", username, "password", "Wrong#Guess" + i)).expectStatus().isUnauthorized();
        }
    }

    private void delete(PortalClient who, String path, HttpStatus status) {
        who.withCsrf().http().delete().uri(path).exchange().expectStatus().isEqualTo(status);
    }

    @Test
    void lockedAccountStaysLockedForTheRightPasswordUntilAnAdminUnlocksItAndTheUnlockIsAudited() {
        TestAccounts.citizen(app, "lk_victim");
        long adminId = TestAccounts.staff(app, "lk_admin", null, Role.ADMIN);
        TestAccounts.staff(app, "lk_mod", null, Role.MODERATOR);
        PortalClient attacker = new PortalClient(port);
        guess(attacker, "lk_victim", 5);
        PortalClient owner = new PortalClient(port);
        owner.post("/api/auth/login", Map.of("username", "lk_victim", "password", TestAccounts.PASSWORD))
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists("Retry-After");
        // The lock is the account's, not the address's: another account from the same address signs in.
        TestAccounts.citizen(app, "lk_neighbour");
        new PortalClient(port).login("lk_neighbour", TestAccounts.PASSWORD);

        delete(new PortalClient(port).login("lk_mod", TestAccounts.PASSWORD), "/api/admin/login-locks/lk_victim", HttpStatus.FORBIDDEN);
        delete(new PortalClient(port), "/api/admin/login-locks/lk_victim", HttpStatus.UNAUTHORIZED);
        owner.post("/api/auth/login", Map.of("username", "lk_victim", "password", TestAccounts.PASSWORD))
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        PortalClient admin = new PortalClient(port).login("lk_admin", TestAccounts.PASSWORD);
        delete(admin, "/api/admin/login-locks/LK_Victim", HttpStatus.NO_CONTENT);
        owner.login("lk_victim", TestAccounts.PASSWORD).get("/api/me").expectStatus().isOk();

        Long audited = app.getBean(DatabaseClient.class).sql("""
                SELECT count(*) FROM audit_log WHERE action = 'login.unlocked' AND actor_id = :admin AND target_id = 'lk_victim'""")
                .bind("admin", adminId).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(audited).isEqualTo(1);
        admin.get("/api/admin/audit?action=login.unlocked").expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].entityId").isEqualTo("lk_victim")
                .jsonPath("$.items[0].actorUsername").isEqualTo("lk_admin");
    }

    @Test
    void lockoutHoldsForTheWholeWindowNotOneGuessAtATime() {
        TestAccounts.citizen(app, "lk_patient");
        PortalClient attacker = new PortalClient(port);
        guess(attacker, "lk_patient", 5);
        attacker.post("/api/auth/login", Map.of("username", "lk_patient", "password", "Wrong#Guess9"))
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds))
                        .as("the whole 15-minute window, not the 3 minutes one attempt takes to refill").isGreaterThan(600));
    }

    @Test
    void unlockWhenUsernameTooLongThenFieldError() {
        TestAccounts.staff(app, "lk_admin2", null, Role.ADMIN);
        PortalClient admin = new PortalClient(port).login("lk_admin2", TestAccounts.PASSWORD);
        admin.withCsrf().http().delete().uri("/api/admin/login-locks/" + "x".repeat(40)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
    }
}
