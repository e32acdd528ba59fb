package org.onestop.disclosure;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/** Bad parameters and bodies get 400 problem+json naming the field; missing or withdrawn documents 404. */
@PortalTest
class DisclosureBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private void badSearch(String query, String field, String code) {
        new PortalClient(port).get("/api/disclosure/documents?" + query).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field).jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @Test
    void badSearchParametersAreRefusedWithFieldCodes() {
        badSearch("category=no-such-category", "category", "unknown_category");
        badSearch("department=999999", "department", "unknown_department");
        badSearch("department=abc", "department", "unknown_department");
        badSearch("from=2024-13-01", "from", "date");
        badSearch("to=yesterday", "to", "date");
        badSearch("from=2024-05-01&to=2024-04-01", "to", "date_order");
        badSearch("year=12", "year", "year");
        badSearch("validity=maybe", "validity", "validity");
        badSearch("size=100000", "size", "page_size");
        badSearch("size=0", "size", "page_size");
        badSearch("page=-1", "page", "page");
        badSearch("size=ten", "size", "type");
        badSearch("q=" + "a".repeat(501), "q", "size");
    }

    @Test
    void badCatalogueParametersAreRefusedWithFieldCodes() {
        PortalClient anyone = new PortalClient(port);
        anyone.get("/api/disclosure/catalogue?after=not-a-cursor").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("after").jsonPath("$.errors[0].code").isEqualTo("cursor");
        anyone.get("/api/disclosure/catalogue?size=100000").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("page_size");
        anyone.get("/api/disclosure/catalogue?category=nope").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown_category");
    }

    @Test
    void missingOrWithdrawnDocumentsAreNotFound() {
        DisclosureFixture f = new DisclosureFixture(app, port);
        PortalClient official = f.official("badinput_official", "EDU");
        long id = DisclosureFixture.json(official.post("/api/disclosure/manage/documents", Map.of("title", "关于义务教育招生入学的通知",
                "category", "notice-notice", "publishedOn", "2025-06-01", "body", "<p>正文</p>")).expectStatus().isCreated())
                .path("id").asLong();
        official.post("/api/disclosure/manage/documents/" + id + "/withdraw", Map.of()).expectStatus().isOk();
        PortalClient anyone = new PortalClient(port);
        anyone.get("/api/disclosure/documents/" + id).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        anyone.get("/api/disclosure/documents/987654321").expectStatus().isNotFound();
        anyone.get("/api/disclosure/departments/987654321/guide").expectStatus().isNotFound();
    }

    @Test
    void badDocumentBodiesAreRefusedWithFieldCodes() {
        DisclosureFixture f = new DisclosureFixture(app, port);
        PortalClient official = f.official("badinput_writer", "EDU");
        official.post("/api/disclosure/manage/documents", Map.of("title", "关于义务教育招生入学的通知", "category", "nope",
                "publishedOn", "2025-06-01", "body", "<p>正文</p>")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown_category");
        official.post("/api/disclosure/manage/documents", Map.of("title", "关于义务教育招生入学的通知", "category", "notice",
                "publishedOn", "2025-06-01", "body", "<script>alert(1)</script>")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body").jsonPath("$.errors[0].code").isEqualTo("required");
        official.post("/api/disclosure/manage/documents", Map.of("title", "关于义务教育招生入学的通知", "category", "notice",
                "publishedOn", "2025-06-01", "body", "<p>正文</p>", "relatedIds", List.of(987654321L)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("relatedIds").jsonPath("$.errors[0].code").isEqualTo("related_unknown");
        official.post("/api/disclosure/manage/documents", Map.of("title", "标题", "category", "notice",
                "publishedOn", "2025-02-30", "body", "<p>x</p>")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
