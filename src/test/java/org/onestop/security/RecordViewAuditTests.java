package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** Staff opening a person's letter, application or disclosure request, or their files, leaves an audit entry. */
@PortalTest
class RecordViewAuditTests {

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    @LocalServerPort
    int port;

    @Test
    void everyStaffViewOfAPersonalRecordIsAuditedAndTheOwnersOwnViewsAreNot() {
        AccessWorld world = new AccessWorld(app, port, "rv_");
        TestAccounts.staff(app, "rv_hrss2", "HRSS", Role.OFFICIAL);
        long viewer = db.sql("SELECT id FROM app_user WHERE username = 'rv_hrss2'").map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5));
        PortalClient official = new PortalClient(port).login("rv_hrss2", TestAccounts.PASSWORD);
        List<String> paths = List.of(world.path("/api/mailbox/cases/{id}"),
                world.path("/api/mailbox/letters/{id}/attachments/{attachmentId}"),
                world.path("/api/disclosure/requests/{id}"), world.path("/api/disclosure/requests/{id}/files/{fileId}"));
        for (String path : paths) {
            official.get(path).expectStatus().isOk();
        }
        assertThat(db.sql("SELECT target_type || ':' || target_id || ' ' || (detail->>'route') FROM audit_log "
                + "WHERE actor_id = :a AND action = 'personal_record.viewed' ORDER BY id").bind("a", viewer)
                .map(r -> r.get(0, String.class)).all().collectList().block(Duration.ofSeconds(5)))
                .containsExactly("mailbox_letter:" + world.ids.get("letter") + " /api/mailbox/cases/{id}",
                        "mailbox_letter:" + world.ids.get("letter") + " /api/mailbox/letters/{id}/attachments/{attachmentId}",
                        "disclosure_request:" + world.ids.get("request") + " /api/disclosure/requests/{id}",
                        "disclosure_request:" + world.ids.get("request") + " /api/disclosure/requests/{id}/files/{fileId}");

        long before = count();
        world.client(Caller.CITIZEN, "").get(world.path("/api/mailbox/letters/{id}")).expectStatus().isOk();
        world.client(Caller.CITIZEN, "").get(world.path("/api/applications/{id}")).expectStatus().isOk();
        world.client(Caller.CITIZEN, "").get(world.path("/api/disclosure/requests/{id}")).expectStatus().isOk();
        assertThat(count()).as("the owner's own views").isEqualTo(before);

        world.client(Caller.OWNING_OFFICIAL, "/api/applications").get(world.path("/api/applications/{id}")).expectStatus().isOk();
        world.client(Caller.OWNING_OFFICIAL, "/api/applications").get(world.path("/api/applications/{id}/materials/{materialId}")).expectStatus().isOk();
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'personal_record.viewed' AND target_type = 'application' "
                + "AND target_id = :id").bind("id", world.ids.get("application")).map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5))).isEqualTo(2);

        // A refused look is not a view.
        world.client(Caller.OTHER_OFFICIAL, "")
                .get(world.path("/api/applications/{id}")).expectStatus().isNotFound();
        assertThat(count()).isEqualTo(before + 2);
    }

    private long count() {
        return db.sql("SELECT count(*) FROM audit_log WHERE action = 'personal_record.viewed'").map(r -> r.get(0, Long.class))
                .one().block(Duration.ofSeconds(5));
    }
}
