package org.onestop.disclosure.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.platform.storage.FileStore;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Applying, the staff queue, extension and replies with delivered files; audit entries and notifications. */
@RequestTest
class RequestLifecycleTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private List<String> audit(long id) {
        return db.sql("SELECT action FROM audit_log WHERE target_type = 'disclosure_request' AND target_id = :id ORDER BY id")
                .bind("id", String.valueOf(id)).map(r -> r.get(0, String.class)).all().collectList().block(Duration.ofSeconds(5));
    }

    private List<String> notifications(long userId) {
        return db.sql("SELECT data->>'kind' FROM live_event WHERE topic = :t AND type = 'notification' ORDER BY seq")
                .bind("t", "user:" + userId).map(r -> r.get(0, String.class)).all().collectList().block(Duration.ofSeconds(5));
    }

    @Test
    void applyExtendAndDiscloseWithFileThenApplicantDownloadsIt() {
        RequestFixture f = new RequestFixture(app, port, "life");
        PortalClient citizen = f.citizen("a");
        PortalClient official = f.staff("hrss", "HRSS", Role.OFFICIAL);

        JsonNode submitted = f.apply(citizen, "HRSS", "electronic");
        long id = submitted.path("id").asLong();
        assertThat(submitted.path("status").asString()).isEqualTo("received");

        JsonNode mine = RequestFixture.get(citizen, "/api/disclosure/requests/mine");
        assertThat(mine.path("total").asLong()).isEqualTo(1);
        assertThat(mine.path("items").get(0).path("number").asString()).isEqualTo(submitted.path("number").asString());

        JsonNode queued = RequestFixture.get(official, "/api/disclosure/requests/queue").path("items");
        assertThat(queued.valueStream().map(i -> i.path("id").asLong())).contains(id);

        RequestFixture.extend(official, id, "需要向各区县调取数据").expectStatus().isOk();
        JsonNode replied = RequestFixture.json(RequestFixture.reply(official, id,
                Map.of("outcome", "disclosed", "text", "经审查，您申请的信息予以公开，详见附件。"),
                List.of(new RequestFixture.File("贴息资金明细.pdf", RequestFixture.PDF))).expectStatus().isOk());
        assertThat(replied.path("status").asString()).isEqualTo("replied");
        assertThat(replied.path("outcome").asString()).isEqualTo("disclosed");
        assertThat(replied.path("clock").path("onTime").asBoolean()).isTrue();
        JsonNode file = replied.path("files").get(0);
        assertThat(file.path("fileName").asString()).isEqualTo("贴息资金明细.pdf");

        var download = citizen.get(file.path("href").asString()).expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment;.*filename\\*=UTF-8''.*\\.pdf")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().returnResult().getResponseBodyContent();
        assertThat(download).isEqualTo(RequestFixture.PDF);

        assertThat(audit(id)).containsExactly("disclosure.request.submitted", "disclosure.request.extended",
                "disclosure.request.replied");
        assertThat(notifications(f.userId("a"))).containsExactly("disclosure.request.received",
                "disclosure.request.extended", "disclosure.request.replied");

        assertThat(RequestFixture.fieldCodes(RequestFixture.reply(official, id,
                Map.of("outcome", "not_held", "text", "经检索，该信息不存在。"), List.of()), 409))
                .containsExactly("status:disclosure_request.replied");
        assertThat(RequestFixture.fieldCodes(RequestFixture.extend(official, id, "答复后再延期"), 409))
                .containsExactly("status:disclosure_request.replied");
    }

    @Test
    void refuseWithLegalGroundAndPartialWithoutGroundRefused() {
        RequestFixture f = new RequestFixture(app, port, "ref");
        PortalClient enterprise = f.enterprise("corp");
        PortalClient official = f.staff("hrss", "HRSS", Role.OFFICIAL);
        long id = f.apply(enterprise, "HRSS", "paper").path("id").asLong();
        assertThat(RequestFixture.get(official, "/api/disclosure/requests/" + id).path("applicantKind").asString())
                .isEqualTo("enterprise");

        assertThat(RequestFixture.fieldCodes(RequestFixture.reply(official, id,
                Map.of("outcome", "partially_disclosed", "text", "部分内容涉及个人隐私。"), List.of()), 400))
                .containsExactly("legalGround:disclosure_request.ground_required");
        assertThat(RequestFixture.fieldCodes(RequestFixture.reply(official, id,
                Map.of("outcome", "refused", "legalGround", "art99", "text", "不予公开。"), List.of()), 400))
                .containsExactly("legalGround:disclosure_request.legal_ground");
        assertThat(RequestFixture.fieldCodes(RequestFixture.reply(official, id,
                Map.of("outcome", "not_held", "legalGround", "art15_third_party", "text", "信息不存在。"), List.of()), 400))
                .containsExactly("legalGround:disclosure_request.ground_not_applicable");
        assertThat(RequestFixture.get(official, "/api/disclosure/requests/" + id).path("status").asString())
                .as("refused replies change nothing").isEqualTo("received");

        JsonNode refused = RequestFixture.json(RequestFixture.reply(official, id,
                Map.of("outcome", "refused", "legalGround", "art15_third_party", "text", "所申请信息涉及第三方商业秘密，不予公开。"),
                List.of()).expectStatus().isOk());
        assertThat(refused.path("legalGround").path("article").asString()).isEqualTo("第十五条");
        assertThat(refused.path("files").isEmpty()).isTrue();
    }

    @Test
    void discloseElectronicallyWithoutFilesRefusedAndKeepsNoFiles() {
        RequestFixture f = new RequestFixture(app, port, "nof");
        PortalClient citizen = f.citizen("a");
        PortalClient official = f.staff("hrss", "HRSS", Role.OFFICIAL);
        long id = f.apply(citizen, "HRSS", "electronic").path("id").asLong();
        assertThat(RequestFixture.fieldCodes(RequestFixture.reply(official, id,
                Map.of("outcome", "disclosed", "text", "予以公开，详见附件。"), List.of()), 400))
                .containsExactly("files:disclosure_request.files_required");
        // A file that is not a PDF or an image is refused by its content, whatever its name.
        assertThat(RequestFixture.fieldCodes(RequestFixture.reply(official, id,
                Map.of("outcome", "disclosed", "text", "予以公开，详见附件。"),
                List.of(new RequestFixture.File("明细.pdf", "<html>not a pdf</html>".getBytes()))), 400))
                .containsExactly("files[0]:file_type");
        // A valid file with a reply that fails validation is deleted again.
        RequestFixture.reply(official, id, Map.of("outcome", "refused", "text", "不予公开。"),
                List.of(new RequestFixture.File("a.pdf", RequestFixture.PDF))).expectStatus().isBadRequest();
        assertThat(db.sql("SELECT count(*) FROM disclosure_request_file WHERE request_id = :id").bind("id", id)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5))).isZero();
        assertThat(RequestFixture.get(official, "/api/disclosure/requests/" + id).path("status").asString()).isEqualTo("received");
    }

    @Test
    void queueListsOpenRequestsOfTheOfficialsDepartmentSoonestDueFirst() {
        RequestFixture f = new RequestFixture(app, port, "que");
        PortalClient citizen = f.citizen("a");
        PortalClient edu = f.staff("edu", "EDU", Role.OFFICIAL);
        PortalClient admin = f.staff("admin", null, Role.ADMIN);
        long first = f.apply(citizen, "EDU", "pickup").path("id").asLong();
        long second = f.apply(citizen, "EDU", "pickup").path("id").asLong();
        long other = f.apply(citizen, "JUSTICE", "pickup").path("id").asLong();
        RequestFixture.extend(edu, first, "涉及第三方，需征求意见").expectStatus().isOk();

        List<Long> queue = RequestFixture.get(edu, "/api/disclosure/requests/queue").path("items").valueStream()
                .map(i -> i.path("id").asLong()).toList();
        assertThat(queue).as("the extended one is due later").containsExactly(second, first);

        List<Long> all = RequestFixture.get(admin, "/api/disclosure/requests/queue?size=100").path("items").valueStream()
                .map(i -> i.path("id").asLong()).toList();
        assertThat(all).contains(first, second, other);
        List<Long> justice = RequestFixture.get(admin, "/api/disclosure/requests/queue?department=JUSTICE").path("items")
                .valueStream().map(i -> i.path("id").asLong()).toList();
        assertThat(justice).containsExactly(other);

        RequestFixture.reply(edu, second, Map.of("outcome", "not_held", "text", "经检索，本机关未制作该信息。"), List.of())
                .expectStatus().isOk();
        assertThat(RequestFixture.get(edu, "/api/disclosure/requests/queue").path("items").valueStream()
                .map(i -> i.path("id").asLong())).containsExactly(first);
        assertThat(RequestFixture.get(edu, "/api/disclosure/requests/queue?state=replied").path("items").valueStream()
                .map(i -> i.path("id").asLong())).containsExactly(second);
    }

    @Test
    void storedFileIsKeptUnderAGeneratedKey() {
        RequestFixture f = new RequestFixture(app, port, "key");
        PortalClient citizen = f.citizen("a");
        PortalClient official = f.staff("hrss", "HRSS", Role.OFFICIAL);
        long id = f.apply(citizen, "HRSS", "electronic").path("id").asLong();
        RequestFixture.reply(official, id, Map.of("outcome", "partially_disclosed", "legalGround", "art16_process",
                "text", "部分内容属于过程性信息，其余予以公开。"),
                List.of(new RequestFixture.File("../../etc/passwd.pdf", RequestFixture.PDF))).expectStatus().isOk();
        String key = db.sql("SELECT storage_key FROM disclosure_request_file WHERE request_id = :id").bind("id", id)
                .map(r -> r.get(0, String.class)).one().block(Duration.ofSeconds(5));
        assertThat(app.getBean(FileStore.class).exists(key)).isTrue();
        assertThat(RequestFixture.get(citizen, "/api/disclosure/requests/" + id).path("files").get(0).path("fileName")
                .asString()).isEqualTo("passwd.pdf");
    }
}
