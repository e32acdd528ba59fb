package org.onestop.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.application.ApplicationFixture.json;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Who sees an application: the applicant and their enterprise's authorised people, and the owning department. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    ApplicationFixture f;

    @BeforeAll
    void setUp() {
        f = new ApplicationFixture(app, port, "acc");
    }

    private static void notFound(PortalClient client, long id, long materialId) {
        client.get("/api/applications/" + id).expectStatus().isNotFound();
        client.get("/api/applications/" + id + "/receipt").expectStatus().isNotFound();
        client.get("/api/applications/" + id + "/materials/" + materialId).expectStatus().isNotFound();
    }

    @Test
    void otherCitizensAndOfficialsOfOtherDepartmentsGetNotFound() {
        ApplicationFixture.Person owner = f.citizen("owner");
        ApplicationFixture.Person other = f.citizen("other");
        long id = f.transferDraft(owner.client());
        long material = json(owner.client().get("/api/applications/" + id).expectStatus().isOk())
                .path("materials").get(0).path("id").asLong();
        f.edu.get("/api/applications/" + id).expectStatus().isNotFound();
        owner.client().post("/api/applications/" + id + "/submit", Map.of()).expectStatus().isOk();

        notFound(other.client(), id, material);
        notFound(f.hrss, id, material);
        f.hrss.post("/api/applications/" + id + "/accept", Map.of()).expectStatus().isNotFound();
        other.client().post("/api/applications/" + id + "/resubmit", Map.of()).expectStatus().isNotFound();
        assertThat(json(f.hrss.get("/api/applications/review").expectStatus().isOk()).path("total").asLong()).isZero();

        owner.client().get("/api/applications/" + id + "/materials/" + material).expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", "attachment.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        f.edu.get("/api/applications/" + id + "/materials/" + material).expectStatus().isOk();
        f.edu.post("/api/applications/" + id + "/accept", Map.of()).expectStatus().isOk();
        other.client().get("/api/applications/review").expectStatus().isForbidden();
    }

    @Test
    void enterpriseAdminGrantsColleagueWhoThenSeesAndFilesEnterpriseApplicationsUntilRevoked() {
        ApplicationFixture.Person company = f.enterprise("haier");
        ApplicationFixture.Person colleague = f.citizen("colleague");
        ApplicationFixture.Person outsider = f.citizen("outsider");
        String service = f.serviceFor("enterprise");
        long id = ApplicationFixture.create(company.client(), service);
        company.client().get("/api/applications/" + id).expectStatus().isOk();
        colleague.client().get("/api/applications/" + id).expectStatus().isNotFound();
        colleague.client().post("/api/applications", Map.of("serviceCode", service)).expectStatus().isForbidden();
        colleague.client().post("/api/applications", Map.of("serviceCode", service, "enterpriseId", company.id()))
                .expectStatus().isBadRequest();
        outsider.client().post("/api/enterprise/members", Map.of("username", "acc_colleague")).expectStatus().isForbidden();

        company.client().post("/api/enterprise/members", Map.of("username", "acc_colleague")).expectStatus().isCreated();
        JsonNode members = json(company.client().get("/api/enterprise/members").expectStatus().isOk());
        assertThat(members.findValuesAsString("displayName")).containsExactly("网友acc_colleague");
        colleague.client().get("/api/applications/" + id).expectStatus().isOk();
        long filed = json(colleague.client().post("/api/applications", Map.of("serviceCode", service, "enterpriseId",
                company.id())).expectStatus().isCreated()).path("id").asLong();
        JsonNode companyList = json(company.client().get("/api/applications/mine").expectStatus().isOk());
        assertThat(companyList.path("items").findValuesAsString("id")).contains(String.valueOf(id), String.valueOf(filed));
        outsider.client().get("/api/applications/" + filed).expectStatus().isNotFound();

        company.client().http().delete().uri("/api/enterprise/members/" + colleague.id()).exchange().expectStatus().isNoContent();
        colleague.client().get("/api/applications/" + id).expectStatus().isNotFound();
        colleague.client().get("/api/applications/" + filed).expectStatus().isOk();
    }

    @Test
    void citizenCannotApplyForEnterpriseOnlyServiceNorEnterpriseForCitizenOnlyService() {
        ApplicationFixture.Person citizen = f.citizen("person");
        ApplicationFixture.Person company = f.enterprise("tsingtao");
        citizen.client().post("/api/applications", Map.of("serviceCode", f.serviceFor("enterprise"))).expectStatus().isForbidden();
        company.client().post("/api/applications", Map.of("serviceCode", f.serviceFor("citizen"))).expectStatus().isForbidden();
        f.edu.post("/api/applications", Map.of("serviceCode", f.serviceFor("citizen"))).expectStatus().isForbidden();
        citizen.client().post("/api/applications", Map.of("serviceCode", "no-such-service")).expectStatus().isNotFound();
        assertThat(f.count("SELECT count(*) FROM application WHERE applicant_id IN (" + citizen.id() + "," + company.id() + ")"))
                .isZero();
    }
}
