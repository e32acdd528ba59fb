package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mailbox's public side in real Chromium. A letter carrying a phone number and an ID number is
 * written, dispatched to HRSS, replied and published over the API; anyone then finds it in the
 * published list by filtering, reads it with the personal data masked (the originals nowhere in
 * the page), and sees the statistics and the scorecard showing the API's figures. Axe runs on each page.
 */
@PortalTest
class MailboxPublicBrowserTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PHONE = "13812345678";
    private static final String ID_NUMBER = "11010519491231002X";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private PortalClient login(String username) {
        return new PortalClient(port).login(username, TestAccounts.PASSWORD);
    }

    private static JsonNode json(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return JSON.readTree(spec.expectBody().returnResult().getResponseBodyContent());
    }

    /** A complaint to the mayor, dispatched to HRSS, replied and published; its id. */
    private long publishedLetter() {
        TestAccounts.citizen(app, "e2e_pub_writer");
        TestAccounts.staff(app, "e2e_pub_clerk", null, Role.MAILBOX_CLERK);
        TestAccounts.staff(app, "e2e_pub_hrss", "HRSS", Role.OFFICIAL);
        PortalClient writer = login("e2e_pub_writer");
        PortalClient clerk = login("e2e_pub_clerk");
        PortalClient hrss = login("e2e_pub_hrss");
        Map<String, Object> letter = Map.of("mailbox", "mayor", "kind", "complaint", "title", "反映社保卡补办排队时间过长",
                "body", "本人在社保服务大厅补办社保卡排队三个小时。联系电话" + PHONE + "，身份证号" + ID_NUMBER + "。",
                "location", "市南区香港中路", "consentToPublish", true, "contactPreference", "sms");
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("letter", JSON.writeValueAsString(letter), MediaType.APPLICATION_JSON);
        writer.withCsrf();
        long id = json(writer.http().post().uri("/api/mailbox/letters").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isCreated()).path("id").asLong();
        long hrssId = json(new PortalClient(port).get("/api/departments").expectStatus().isOk()).valueStream()
                .filter(d -> d.path("code").asString().equals("HRSS")).findFirst().orElseThrow().path("id").asLong();
        clerk.post("/api/mailbox/cases/" + id + "/accept", Map.of()).expectStatus().isOk();
        clerk.post("/api/mailbox/cases/" + id + "/dispatch", Map.of("leadDepartmentId", hrssId, "cohandlerIds", List.of(),
                "note", "请人社局办理")).expectStatus().isOk();
        hrss.post("/api/mailbox/cases/" + id + "/reply", Map.of("text", "您好！已增开补办窗口，如有问题请拨打13912345678。"))
                .expectStatus().isOk();
        hrss.post("/api/mailbox/cases/" + id + "/publish", Map.of()).expectStatus().isOk();
        return id;
    }

    @Test
    void anyoneFiltersPublishedLettersReadsMaskedLetterAndSeesStatisticsAndScorecardFromTheApi() {
        long id = publishedLetter();
        PortalClient anyone = new PortalClient(port);
        String row = "#letter-rows tr[data-letter-id=\"" + id + "\"]";

        try (Browser browser = Browser.open(port)) {
            browser.go("/mailbox/");
            browser.click("#link-published");
            browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
            assertNoSeriousViolations(browser, "published letters");

            new Select(browser.find("#filter-kind")).selectByValue("help");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("list-status"), "没有符合条件的公开信件。"));
            assertThat(browser.driver().findElements(By.cssSelector(row))).isEmpty();
            new Select(browser.find("#filter-kind")).selectByValue("complaint");
            browser.find("#filter-department option[value=\"HRSS\"]");
            new Select(browser.find("#filter-department")).selectByValue("HRSS");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("list-status"), "共 1 封公开信件"));
            assertThat(browser.path()).contains("department=HRSS").contains("kind=complaint");
            assertThat(browser.find(row + " td:nth-child(2)").getText()).isEqualTo("投诉");
            assertThat(browser.find(row + " td:nth-child(3)").getText()).isEqualTo("市人力资源和社会保障局");

            browser.click(row + " a");
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("letter")));
            assertThat(browser.find("#letter-title").getText()).isEqualTo("反映社保卡补办排队时间过长");
            assertThat(browser.find("#letter-body").getText()).contains("138****5678", "1101**********002X");
            assertThat(browser.find("#letter-reply").getText()).contains("139****5678", "增开补办窗口");
            assertThat(browser.driver().getPageSource()).doesNotContain(PHONE, ID_NUMBER, "13912345678", "香港中路");
            assertThat(browser.driver().findElements(By.cssSelector("#letter-timeline .timeline-entry")))
                    .extracting(e -> e.getDomAttribute("data-type")).containsExactly("received", "replied", "published");
            assertNoSeriousViolations(browser, "published letter");

            JsonNode stats = json(anyone.get("/api/mailbox/public/statistics?department=HRSS").expectStatus().isOk());
            JsonNode total = stats.path("total");
            String month = stats.path("byMonth").get(0).path("month").asString();
            browser.go("/mailbox/statistics.html?department=HRSS");
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("stats")));
            assertThat(browser.find("#total-figures [data-figure=\"received\"] dd").getText())
                    .isEqualTo(String.valueOf(total.path("received").asLong())).isEqualTo("1");
            assertThat(browser.find("#total-figures [data-figure=\"replied\"] dd").getText())
                    .isEqualTo(String.valueOf(total.path("replied").asLong()));
            assertThat(browser.find("#by-month tr[data-key=\"" + month + "\"] [data-col=\"received\"]").getText()).isEqualTo("1");
            assertThat(browser.find("#by-department tr[data-key=\"HRSS\"] [data-col=\"onTimeRate\"]").getText())
                    .isEqualTo(Math.round(total.path("onTimeRate").asDouble() * 100) + "%");
            assertThat(browser.find("#chart rect.mpub-received[data-month=\"" + month + "\"]").getDomAttribute("data-value"))
                    .isEqualTo("1");
            assertThat(browser.find("#csv-link").getDomAttribute("href")).isEqualTo("/api/mailbox/public/statistics.csv?department=HRSS");
            assertNoSeriousViolations(browser, "statistics");

            JsonNode card = json(anyone.get("/api/mailbox/public/scorecard").expectStatus().isOk());
            JsonNode entry = card.path("departments").get(0);
            browser.go("/mailbox/scorecard.html");
            String scoreRow = "#ranking-rows tr[data-department=\"" + entry.path("department").path("code").asString() + "\"]";
            browser.find(scoreRow);
            assertThat(browser.find(scoreRow + " [data-col=\"rank\"]").getText()).isEqualTo("1");
            assertThat(browser.find(scoreRow + " [data-col=\"score\"]").getText())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", entry.path("score").asDouble()));
            assertThat(browser.find(scoreRow + " [data-col=\"received\"]").getText()).isEqualTo(entry.path("received").asString());
            assertThat(browser.find("#ranking-caption").getText()).isEqualTo(card.path("year").asInt() + " 年度部门考核排名");
            assertNoSeriousViolations(browser, "scorecard");
        }
    }

    private static void assertNoSeriousViolations(Browser browser, String page) {
        List<Map<String, Object>> violations = browser.seriousAxeViolations();
        assertThat(violations).as("%s page accessibility: %s", page, violations).isEmpty();
    }
}
