package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A disclosure document's attachments in real Chromium: the page lists the files the department
 * attached (name, type, size, a download link) instead of the body's links, each version shows
 * the files it had, in Chinese and English; a withdrawn document's page names what is missing.
 */
@PortalTest
class DisclosureAttachmentBrowserTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void readerSeesAttachmentsOfEachVersionInChineseAndEnglish() {
        TestAccounts.staff(app, "e2e_att_housing", "HOUSING", Role.OFFICIAL);
        PortalClient housing = new PortalClient(port).login("e2e_att_housing", TestAccounts.PASSWORD);
        Map<String, Object> first = document("<p>附件：<a href=\"https://www.example.gov.cn/files/form.pdf\">旧申请表</a></p>");
        long id = json(housing.post("/api/disclosure/manage/documents", first).expectStatus().isCreated()).path("id").asLong();
        long form = upload(housing, id, "冲还贷申请表.pdf", PDF).path("attachments").get(0).path("id").asLong();
        housing.withCsrf().http().put().uri("/api/disclosure/manage/documents/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(document("<p>第二稿，附件见下。</p>")).exchange().expectStatus().isOk();
        JsonNode current = upload(housing, id, "办理流程图.png", PNG);
        String flowHref = current.path("attachments").get(1).path("href").asString();
        housing.http().delete().uri("/api/disclosure/manage/documents/" + id + "/attachments/" + form).exchange()
                .expectStatus().isOk();

        try (Browser reader = Browser.open(port)) {
            reader.go("/disclosure/document.html?id=" + id);
            reader.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("attachments-section")));
            List<?> items = reader.driver().findElements(By.cssSelector("#attachment-list li"));
            assertThat(items).hasSize(1);
            assertThat(reader.find("#attachment-list li").getText()).isEqualTo("办理流程图.png（PNG，20 B）");
            assertThat(reader.find("#attachment-list a").getDomAttribute("href")).isEqualTo(flowHref);
            assertThat(reader.find("#attachments-heading").getText()).isEqualTo("附件");
            assertNoSeriousViolations(reader, "document with attachments");

            reader.click("#version-list li[data-version=\"1\"] a");
            reader.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("version-banner")));
            reader.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("attachment-list"), "冲还贷申请表.pdf"));
            assertThat(reader.find("#attachment-list li").getText()).isEqualTo("冲还贷申请表.pdf（PDF，15 B）");
            // The API lists this version's attachment, so the link in its body does not stand in.
            assertThat(reader.driver().findElements(By.cssSelector("#attachment-list li[data-source=\"body\"]"))).isEmpty();

            reader.click("#lang-toggle");
            reader.waitUntil(ExpectedConditions.textToBe(By.id("attachments-heading"), "Attachments"));
            assertThat(reader.find("#attachment-list li").getText()).isEqualTo("冲还贷申请表.pdf (PDF, 15 B)");
            reader.click("#lang-toggle");

            housing.post("/api/disclosure/manage/documents/" + id + "/withdraw", Map.of()).expectStatus().isOk();
            reader.go("/disclosure/document.html?id=" + id);
            reader.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("gone")));
            assertThat(reader.find("#gone-detail").getText()).isEqualTo("请求的文件（编号 " + id + "）不存在。（HTTP 404）");
        }
    }

    private static Map<String, Object> document(String body) {
        return Map.of("title", "住房公积金冲还贷业务办理规程", "category", "regulation", "publishedOn", "2025-03-01",
                "validity", "valid", "body", body);
    }

    private static JsonNode upload(PortalClient who, long id, String name, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("files", bytes).filename(name);
        who.withCsrf();
        return json(who.http().post().uri("/api/disclosure/manage/documents/" + id + "/attachments")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isOk());
    }

    private static JsonNode json(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectBody().returnResult().getResponseBodyContent());
    }

    private static void assertNoSeriousViolations(Browser browser, String page) {
        List<Map<String, Object>> violations = browser.seriousAxeViolations();
        assertThat(violations).as("%s page accessibility: %s", page, violations).isEmpty();
    }
}
