package org.onestop.disclosure.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Applicants see their own requests; officials of the addressed department and admins handle them; others get 404. */
@RequestTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private RequestFixture f;
    private PortalClient applicant;
    private PortalClient otherCitizen;
    private PortalClient hrss;
    private PortalClient civil;
    private PortalClient admin;
    private long id;
    private long fileId;

    @BeforeAll
    void request() {
        f = new RequestFixture(app, port, "acc");
        applicant = f.citizen("a");
        otherCitizen = f.citizen("b");
        hrss = f.staff("hrss", "HRSS", Role.OFFICIAL);
        civil = f.staff("civil", "CIVIL", Role.OFFICIAL);
        admin = f.staff("admin", null, Role.ADMIN);
        id = f.apply(applicant, "HRSS", "electronic").path("id").asLong();
        JsonNode replied = RequestFixture.json(RequestFixture.reply(hrss, id, Map.of("outcome", "disclosed", "text", "予以公开。"),
                List.of(new RequestFixture.File("a.pdf", RequestFixture.PDF))).expectStatus().isOk());
        fileId = replied.path("files").get(0).path("id").asLong();
    }

    @Test
    void readWhenOtherCitizenThenNotFound() {
        otherCitizen.get("/api/disclosure/requests/" + id).expectStatus().isNotFound();
        otherCitizen.get("/api/disclosure/requests/" + id + "/files/" + fileId).expectStatus().isNotFound();
        assertThat(RequestFixture.get(otherCitizen, "/api/disclosure/requests/mine").path("total").asLong()).isZero();
    }

    @Test
    void readWhenOfficialOfOtherDepartmentThenNotFound() {
        civil.get("/api/disclosure/requests/" + id).expectStatus().isNotFound();
        civil.get("/api/disclosure/requests/" + id + "/files/" + fileId).expectStatus().isNotFound();
        RequestFixture.extend(civil, id, "不是本部门的申请").expectStatus().isNotFound();
        RequestFixture.reply(civil, id, Map.of("outcome", "not_held", "text", "不是本部门的申请"), List.of())
                .expectStatus().isNotFound();
    }

    @Test
    void readWhenApplicantOrHandlerThenOk() {
        assertThat(RequestFixture.get(applicant, "/api/disclosure/requests/" + id).path("mayHandle").asBoolean()).isFalse();
        assertThat(RequestFixture.get(hrss, "/api/disclosure/requests/" + id).path("mayHandle").asBoolean()).isTrue();
        assertThat(RequestFixture.get(admin, "/api/disclosure/requests/" + id).path("mayHandle").asBoolean()).isTrue();
        admin.get("/api/disclosure/requests/" + id + "/files/" + fileId).expectStatus().isOk();
    }

    @Test
    void handleWhenApplicantThenForbidden() {
        RequestFixture.extend(applicant, id, "我想延长期限").expectStatus().isForbidden();
        applicant.get("/api/disclosure/requests/queue").expectStatus().isForbidden();
    }

    @Test
    void queueWhenOfficialAsksForOtherDepartmentThenForbidden() {
        hrss.get("/api/disclosure/requests/queue?department=" + f.department("CIVIL")).expectStatus().isForbidden();
        hrss.get("/api/disclosure/requests/queue?department=" + f.department("HRSS")).expectStatus().isOk();
    }

    @Test
    void applyWhenStaffThenForbidden() {
        hrss.post("/api/disclosure/requests", f.application("HRSS", "paper")).expectStatus().isForbidden();
    }

    @Test
    void anyRequestRouteWhenAnonymousThenUnauthorized() {
        PortalClient anonymous = f.anonymous();
        anonymous.get("/api/disclosure/requests/" + id).expectStatus().isUnauthorized();
        anonymous.get("/api/disclosure/requests/mine").expectStatus().isUnauthorized();
        anonymous.get("/api/disclosure/requests/" + id + "/files/" + fileId).expectStatus().isUnauthorized();
        anonymous.post("/api/disclosure/requests", f.application("HRSS", "paper")).expectStatus().isUnauthorized();
    }

    @Test
    void figuresAndFeedsArePublic() {
        PortalClient anonymous = f.anonymous();
        anonymous.get("/api/disclosure/request-figures?year=2026").expectStatus().isOk();
        anonymous.get("/api/disclosure/feeds/departments/HRSS").expectStatus().isOk();
    }
}
