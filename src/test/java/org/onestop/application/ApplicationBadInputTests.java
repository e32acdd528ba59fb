package org.onestop.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.application.ApplicationFixture.json;
import static org.onestop.application.ApplicationFixture.put;
import static org.onestop.application.ApplicationFixture.upload;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.Identities;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Refused input gets a 4xx problem and leaves nothing behind: no stored file, no row, no half-made change. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    ApplicationFixture f;
    ApplicationFixture.Person citizen;

    @BeforeAll
    void setUp() {
        f = new ApplicationFixture(app, port, "bad");
        citizen = f.citizen("applicant");
    }

    private long materialRows() {
        return f.count("SELECT count(*) FROM application_material");
    }

    private static List<String> errorCodes(JsonNode problem) {
        return problem.path("errors").findValuesAsString("code");
    }

    @Test
    void disguisedOversizedAndPathTraversingUploadsAreRefusedAndNoFileStays() {
        long id = ApplicationFixture.create(citizen.client(), f.service("普通高中转学"));
        long files = ApplicationFixture.storedFiles();
        long rows = materialRows();

        JsonNode exe = json(upload(citizen.client(), id, "transfer-out", "证明.pdf", ApplicationFixture.EXE)
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(errorCodes(exe)).containsExactly("file_type");
        byte[] big = new byte[(int) (10L * 1024 * 1024) + 1];
        System.arraycopy(ApplicationFixture.PDF, 0, big, 0, ApplicationFixture.PDF.length);
        assertThat(errorCodes(json(upload(citizen.client(), id, "transfer-out", "big.pdf", big).expectStatus().isBadRequest())))
                .containsExactly("file_too_large");
        for (String name : List.of("../../etc/passwd.pdf", "..\\..\\boot.pdf", "/tmp/x.pdf")) {
            assertThat(errorCodes(json(upload(citizen.client(), id, "transfer-out", name, ApplicationFixture.PDF)
                    .expectStatus().isBadRequest()))).as(name).containsExactly("application.file_name");
        }
        upload(citizen.client(), id, "no-such-slot", "a.pdf", ApplicationFixture.PDF).expectStatus().isNotFound();

        assertThat(ApplicationFixture.storedFiles()).isEqualTo(files);
        assertThat(materialRows()).isEqualTo(rows);
        upload(citizen.client(), id, "transfer-out", "证明.pdf", ApplicationFixture.PDF).expectStatus().isCreated();
        assertThat(ApplicationFixture.storedFiles()).isEqualTo(files + 1);
    }

    @Test
    void invalidIdNumberCreditCodeOrOptionInDataIsRefusedAndStoredDataStaysAsItWas() {
        long id = ApplicationFixture.create(citizen.client(), f.service("普通高中转学"));
        Map<String, Object> data = new java.util.LinkedHashMap<>(ApplicationFixture.transferData());
        data.put("studentIdNumber", Identities.withWrongCheck(Identities.idNumber()));
        data.put("grade", "g99");
        JsonNode problem = json(put(citizen.client(), "/api/applications/" + id + "/data", Map.of("data", data))
                .expectStatus().isBadRequest());
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("data.studentIdNumber", "data.grade");
        assertThat(json(citizen.client().get("/api/applications/" + id).expectStatus().isOk()).path("data").size()).isZero();

        ApplicationFixture.Person company = f.enterprise("acme");
        String both = f.serviceFor("both");
        long orgId = json(company.client().post("/api/applications", Map.of("serviceCode", both)).expectStatus().isCreated())
                .path("id").asLong();
        String wrongCode = Identities.creditCode().substring(0, 17) + "I";
        JsonNode codeProblem = json(put(company.client(), "/api/applications/" + orgId + "/data", Map.of("data",
                Map.of("applicantType", "organisation", "creditCode", wrongCode))).expectStatus().isBadRequest());
        assertThat(codeProblem.path("errors").findValuesAsString("code")).containsExactly("application.credit_code");
    }

    @Test
    void submittingWithMissingRequiredFieldsOrMaterialsChangesNothing() {
        long id = ApplicationFixture.create(citizen.client(), f.service("普通高中转学"));
        Map<String, Object> data = new java.util.LinkedHashMap<>(ApplicationFixture.transferData());
        data.remove("guardianMobile");
        put(citizen.client(), "/api/applications/" + id + "/data", Map.of("data", data)).expectStatus().isOk();
        upload(citizen.client(), id, "transfer-out", "a.pdf", ApplicationFixture.PDF).expectStatus().isCreated();
        long events = f.count("SELECT count(*) FROM live_event WHERE topic = 'user:" + citizen.id() + "'");
        long steps = f.count("SELECT count(*) FROM application_step WHERE application_id = " + id);

        JsonNode problem = json(citizen.client().post("/api/applications/" + id + "/submit", Map.of()).expectStatus().isBadRequest());
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("data.guardianMobile",
                "materials.transfer-in", "materials.student-record", "materials.household");
        JsonNode after = json(citizen.client().get("/api/applications/" + id).expectStatus().isOk());
        assertThat(after.path("status").asString()).isEqualTo("draft");
        assertThat(after.path("number").isNull()).isTrue();
        assertThat(f.count("SELECT count(*) FROM application_step WHERE application_id = " + id)).isEqualTo(steps);
        assertThat(f.count("SELECT count(*) FROM live_event WHERE topic = 'user:" + citizen.id() + "'")).isEqualTo(events);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE target_type = 'application' AND target_id = '" + id + "'")).isZero();
    }

    @Test
    void definitionWithUnknownFieldTypeIsRefusedAndNoVersionIsStored() {
        String code = f.serviceFor("citizen");
        long versions = f.count("SELECT count(*) FROM application_form");
        Map<String, Object> definition = Map.of("fields", List.of(
                Map.of("name", "ok", "type", "text", "label", Map.of("zh", "好")),
                Map.of("name", "bad", "type", "slider", "label", Map.of("zh", "坏"))));
        JsonNode problem = json(put(f.admin, "/api/admin/services/" + code + "/form", Map.of("definition", definition))
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("definition.fields[1].type");
        assertThat(f.count("SELECT count(*) FROM application_form")).isEqualTo(versions);
        put(citizen.client(), "/api/admin/services/" + code + "/form", Map.of("definition", definition)).expectStatus().isForbidden();
    }
}
