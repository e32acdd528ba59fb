package org.onestop.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.platform.AuditTrail;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admins' search of the audit trail, and the trail's refusal to be changed. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    @LocalServerPort
    int port;

    PortalClient admin;
    long officialId;
    long otherId;

    @BeforeAll
    void trail() {
        TestAccounts.staff(app, "au_admin", null, Role.ADMIN);
        officialId = TestAccounts.staff(app, "au_official", "HRSS", Role.OFFICIAL);
        otherId = TestAccounts.staff(app, "au_other", "EDU", Role.OFFICIAL);
        admin = new PortalClient(port).login("au_admin", TestAccounts.PASSWORD);
        AuditTrail audit = app.getBean(AuditTrail.class);
        // Written straight through the trail, then dated, so the periods below are exact.
        record(audit, officialId, "mailbox.letter.replied", "mailbox_letter", 7, "2026-03-01T02:00:00Z");
        record(audit, officialId, "mailbox.letter.noted", "mailbox_letter", 8, "2026-03-02T02:00:00Z");
        record(audit, otherId, "application.accepted", "application", 7, "2026-03-03T02:00:00Z");
        record(audit, otherId, "mailbox.letter.replied", "mailbox_letter", 9, "2026-03-04T02:00:00Z");
    }

    private void record(AuditTrail audit, long actor, String action, String type, long id, String at) {
        audit.record(actor, action, type, id, Map.of("note", "test")).block(Duration.ofSeconds(5));
        // The only way to date an entry is at insert: the trigger refuses UPDATE, so re-insert dated.
        db.sql("INSERT INTO audit_log (actor_id, action, target_type, target_id, detail, at) "
                + "VALUES (:a, :action || '.dated', :t, :id, '{}'::jsonb, :at)")
                .bind("a", actor).bind("action", action).bind("t", type).bind("id", String.valueOf(id))
                .bind("at", Instant.parse(at)).then().block(Duration.ofSeconds(5));
    }

    private List<String> search(String query) {
        JsonNode page = JSON.readTree(admin.get("/api/admin/audit?" + query).expectStatus().isOk().expectBody()
                .returnResult().getResponseBodyContent());
        return page.path("items").valueStream().map(i -> i.path("actorUsername").asString() + " " + i.path("action").asString()
                + " " + i.path("entityType").asString() + ":" + i.path("entityId").asString()).toList();
    }

    @Test
    void searchesByActorIdOrUsernameActionPrefixEntityAndPeriodNewestFirst() {
        assertThat(search("actor=au_official&action=mailbox.&from=2026-03-01&to=2026-03-03"))
                .containsExactly("au_official mailbox.letter.noted.dated mailbox_letter:8",
                        "au_official mailbox.letter.replied.dated mailbox_letter:7");
        assertThat(search("actor=" + otherId + "&action=mailbox.letter.replied.dated"))
                .containsExactly("au_other mailbox.letter.replied.dated mailbox_letter:9");
        assertThat(search("entity=mailbox_letter:7&action=mailbox.")).hasSize(2).allMatch(l -> l.endsWith("mailbox_letter:7"));
        assertThat(search("entity=application&from=2026-03-03T00:00:00Z&to=2026-03-04T00:00:00Z"))
                .containsExactly("au_other application.accepted.dated application:7");
    }

    @Test
    void pagesThroughTheTrailWithTotals() {
        admin.get("/api/admin/audit?action=mailbox.&size=2&page=1").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(6)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(2);
    }

    @Test
    void searchWhenPeriodOrPagingMalformedThenFieldErrors() {
        admin.get("/api/admin/audit?from=yesterday&to=2026-13-01&size=1000").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'from')].code").isEqualTo("invalid")
                .jsonPath("$.errors[?(@.field == 'to')].code").isEqualTo("invalid")
                .jsonPath("$.errors[?(@.field == 'size')]").exists();
        admin.get("/api/admin/audit?from=2026-03-05&to=2026-03-01").expectStatus().isBadRequest();
    }

    @Test
    void searchWhenNotAdminThenForbiddenAndAnonymousUnauthorized() {
        new PortalClient(port).login("au_official", TestAccounts.PASSWORD).get("/api/admin/audit").expectStatus().isForbidden();
        new PortalClient(port).get("/api/admin/audit").expectStatus().isUnauthorized();
    }

    @Test
    void trailRefusesUpdateAndDeleteInTheDatabase() {
        assertThatThrownBy(() -> db.sql("UPDATE audit_log SET action = 'tampered' WHERE actor_id = :a").bind("a", officialId)
                .then().block(Duration.ofSeconds(5))).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM audit_log WHERE actor_id = :a").bind("a", officialId)
                .then().block(Duration.ofSeconds(5))).hasMessageContaining("append-only");
        assertThat(search("actor=au_official&action=mailbox.")).hasSize(4).noneMatch(l -> l.contains("tampered"));
    }
}
