package org.onestop.disclosure.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/** Bad input is answered with 4xx problem+json naming the field, and stores nothing. */
@RequestTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private RequestFixture f;
    private PortalClient citizen;
    private PortalClient official;

    @BeforeAll
    void accounts() {
        f = new RequestFixture(app, port, "bad");
        citizen = f.citizen("a");
        official = f.staff("hrss", "HRSS", Role.OFFICIAL);
    }

    private long requests() {
        return db.sql("SELECT count(*) FROM disclosure_request").map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = f.application("HRSS", "electronic");
        body.put(field, value);
        return body;
    }

    @Test
    void applyWhenFieldsMissingThenEveryProblemNamed() {
        long before = requests();
        assertThat(RequestFixture.fieldCodes(citizen.post("/api/disclosure/requests", Map.of()), 400)).containsExactlyInAnyOrder(
                "departmentId:required", "description:required", "purpose:required", "delivery:required",
                "contactPhone:required");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void applyWhenDepartmentUnknownThenFieldProblem() {
        assertThat(RequestFixture.fieldCodes(citizen.post("/api/disclosure/requests", with("departmentId", 987654321)), 400))
                .containsExactly("departmentId:unknown_department");
        assertThat(RequestFixture.fieldCodes(citizen.post("/api/disclosure/requests", with("departmentId", "HRSS")), 400))
                .containsExactly("departmentId:type");
    }

    @Test
    void applyWhenValuesOutOfRangeThenFieldProblems() {
        assertThat(RequestFixture.fieldCodes(citizen.post("/api/disclosure/requests", with("delivery", "fax")), 400))
                .containsExactly("delivery:disclosure_request.delivery");
        assertThat(RequestFixture.fieldCodes(citizen.post("/api/disclosure/requests", with("contactPhone", "call me")), 400))
                .containsExactly("contactPhone:disclosure_request.phone");
        assertThat(RequestFixture.fieldCodes(citizen.post("/api/disclosure/requests", with("contactEmail", "nobody")), 400))
                .containsExactly("contactEmail:email");
        assertThat(RequestFixture.fieldCodes(citizen.post("/api/disclosure/requests", with("description", "查".repeat(2001))), 400))
                .containsExactly("description:size");
        assertThat(RequestFixture.fieldCodes(citizen.post("/api/disclosure/requests", with("purpose", "研究\u202E用途")), 400))
                .containsExactly("purpose:hidden_characters");
        Map<String, Object> paper = f.application("HRSS", "paper");
        paper.remove("contactAddress");
        assertThat(RequestFixture.fieldCodes(citizen.post("/api/disclosure/requests", paper), 400))
                .as("paper copies are posted").containsExactly("contactAddress:required");
    }

    @Test
    void applyWhenBodyMalformedThenProblem() {
        citizen.withCsrf();
        citizen.http().post().uri("/api/disclosure/requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"description\": ").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void listsWhenPageSizeHugeOrMalformedThenProblem() {
        assertThat(RequestFixture.fieldCodes(citizen.get("/api/disclosure/requests/mine?size=100000"), 400))
                .containsExactly("size:page_size");
        assertThat(RequestFixture.fieldCodes(official.get("/api/disclosure/requests/queue?size=0"), 400))
                .containsExactly("size:page_size");
        citizen.get("/api/disclosure/requests/mine?page=abc").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(RequestFixture.fieldCodes(official.get("/api/disclosure/requests/queue?state=late"), 400))
                .containsExactly("state:disclosure_request.queue_state");
    }

    @Test
    void requestWhenIdMalformedOrUnknownThenProblem() {
        citizen.get("/api/disclosure/requests/abc").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        citizen.get("/api/disclosure/requests/999999").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void extendWhenReasonMissingThenFieldProblemAndNoExtension() {
        long id = f.apply(citizen, "HRSS", "pickup").path("id").asLong();
        assertThat(RequestFixture.fieldCodes(RequestFixture.extend(official, id, " "), 400)).containsExactly("reason:required");
        assertThat(RequestFixture.get(official, "/api/disclosure/requests/" + id).path("status").asString()).isEqualTo("received");
    }

    @Test
    void figuresWhenYearMalformedOrDepartmentUnknownThenProblem() {
        PortalClient anyone = f.anonymous();
        assertThat(RequestFixture.fieldCodes(anyone.get("/api/disclosure/request-figures?year=20x6"), 400))
                .containsExactly("year:calendar.year");
        assertThat(RequestFixture.fieldCodes(anyone.get("/api/disclosure/request-figures?year=1900"), 400))
                .containsExactly("year:calendar.year");
        assertThat(RequestFixture.fieldCodes(anyone.get("/api/disclosure/request-figures.csv?department=NOPE"), 400))
                .containsExactly("department:unknown_department");
    }

    @Test
    void feedWhenDepartmentOrCategoryUnknownThenNotFoundProblem() {
        PortalClient anyone = f.anonymous();
        anyone.get("/api/disclosure/feeds/departments/NOPE").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        anyone.get("/api/disclosure/feeds/categories/no-such-category").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        anyone.get("/api/disclosure/feeds/departments/99999999999999999999").expectStatus().isNotFound();
    }
}
