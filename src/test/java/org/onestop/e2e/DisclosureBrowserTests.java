package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Government information disclosure in real Chromium, on documents two officials publish through
 * the management API: a reader searches, filters by department, opens a document, reads its past
 * version, follows a related document, and finds a withdrawn one gone; the home page counts and
 * the department's guide and catalogue are checked on the way. Axe runs on each page.
 */
@PortalTest
class DisclosureBrowserTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void readerSearchesFiltersByDepartmentOpensDocumentAndItsPastVersionThenFollowsRelatedDocument() {
        TestAccounts.staff(app, "e2e_dis_housing", "HOUSING", Role.OFFICIAL);
        TestAccounts.staff(app, "e2e_dis_ecoenv", "ECOENV", Role.OFFICIAL);
        PortalClient housing = new PortalClient(port).login("e2e_dis_housing", TestAccounts.PASSWORD);
        PortalClient ecoenv = new PortalClient(port).login("e2e_dis_ecoenv", TestAccounts.PASSWORD);

        JsonNode rules = publish(housing, document("住房公积金冲还贷业务办理规程", "regulation", "青住建规〔2025〕3号",
                "2025-03-01", "<p>第一条 为规范住房公积金冲还贷业务，制定本规程。</p>"
                        + "<p>附件：<a href=\"https://www.example.gov.cn/files/apply-form.pdf\">冲还贷申请表</a></p>", List.of()));
        long rulesId = rules.path("id").asLong();
        JsonNode reading = publish(housing, document("关于冲还贷政策的解读（征求意见稿）", "interpretation", null,
                "2025-04-01", "<p>冲还贷是指用住房公积金偿还商业住房贷款。</p>", List.of(rulesId)));
        long readingId = reading.path("id").asLong();
        revise(housing, readingId, document("关于住房公积金冲还贷政策的解读", "interpretation", null, "2025-04-02",
                "<h1>一、什么是冲还贷</h1><p>冲还贷是指职工用住房公积金偿还商业住房贷款，每年可办理一次。</p>"
                        + "<script>document.title='pwned'</script>", List.of(rulesId)));
        JsonNode notice = publish(ecoenv, document("关于做好冲还贷宣传工作的通知", "notice-notice", "青环发〔2025〕9号",
                "2025-05-06", "<p>请各区做好住房公积金冲还贷政策的宣传。</p>", List.of()));
        long noticeId = notice.path("id").asLong();
        long ecoenvId = notice.path("department").path("id").asLong();
        long withdrawnId = publish(ecoenv, document("冲还贷宣传材料（已撤回）", "notice-notice", null, "2025-05-07",
                "<p>冲还贷宣传材料。</p>", List.of())).path("id").asLong();
        ecoenv.post("/api/disclosure/manage/documents/" + withdrawnId + "/withdraw", Map.of("reason", "内容有误"))
                .expectStatus().isOk();
        // More than a catalogue page (20) for the department's keyset paging.
        for (int i = 1; i <= 21; i++) {
            publish(ecoenv, document("2024年第" + i + "批环境监测计划", "plan-annual", null, "2024-%02d-%02d".formatted(1 + i % 12, i),
                    "<p>监测点位和频次。</p>", List.of()));
        }
        long housingId = rules.path("department").path("id").asLong();

        housing.withCsrf().http().put().uri("/api/disclosure/manage/departments/" + housingId + "/guide")
                .contentType(MediaType.APPLICATION_JSON).header("X-XSRF-TOKEN", housing.cookies().get("XSRF-TOKEN"))
                .bodyValue(Map.of("body", "<h2>一、主动公开</h2><p>本机关主动公开规章和政策解读。</p>")).exchange()
                .expectStatus().isOk();

        try (Browser reader = Browser.open(port)) {
            reader.go("/disclosure/");
            reader.find("#department-groups li[data-department-id=\"" + housingId + "\"]");
            assertThat(reader.find("#department-groups li[data-department-id=\"" + housingId + "\"]").getText())
                    .contains("市住房和城乡建设局").contains("2 件");
            assertThat(reader.find("#category-tree li[data-category=\"notice\"]").getText()).contains("通知公告 1 件");
            assertThat(reader.find("#latest-list li:first-child").getDomAttribute("data-document-id"))
                    .isEqualTo(String.valueOf(noticeId));
            assertThat(reader.find("#link-apply").getDomAttribute("href")).isEqualTo("/disclosure/apply.html");
            assertThat(reader.find("#link-requests").getDomAttribute("href")).isEqualTo("/disclosure/requests.html");
            assertNoSeriousViolations(reader, "home");

            reader.type("#home-q", "冲还贷").click("#home-search-submit");
            reader.waitUntil(d -> d.findElements(By.cssSelector("#results li.dis-hit")).size() == 3);
            assertThat(reader.path()).startsWith("/disclosure/search.html?q=");
            assertThat(reader.find("#results li[data-document-id=\"" + readingId + "\"] h3 mark").getText()).isEqualTo("冲还贷");
            assertThat(reader.find("#result-status").getText()).contains("共找到 3 件政府信息");
            assertThat(reader.driver().findElements(By.cssSelector("#results li[data-document-id=\"" + withdrawnId + "\"]")))
                    .isEmpty();
            assertNoSeriousViolations(reader, "search");

            reader.click("#facet-department-" + housingId);
            reader.waitUntil(d -> d.findElements(By.cssSelector("#results li.dis-hit")).size() == 2);
            assertThat(reader.path()).contains("department=" + housingId);
            assertThat(reader.find("#facet-department-" + housingId).isSelected()).isTrue();
            assertThat(reader.driver().findElements(By.cssSelector("#results li[data-document-id=\"" + noticeId + "\"]")))
                    .isEmpty();
            assertNoSeriousViolations(reader, "search filtered");

            reader.click("#results li[data-document-id=\"" + readingId + "\"] h3 a");
            reader.waitUntil(ExpectedConditions.textToBe(By.id("doc-title"), "关于住房公积金冲还贷政策的解读"));
            assertThat(reader.path()).isEqualTo("/disclosure/document.html?id=" + readingId);
            assertThat(reader.find("#doc-facts").getText()).contains(reading.path("indexNumber").asString())
                    .contains("市住房和城乡建设局").contains("政策解读").contains("2025-04-02").contains("有效").contains("第 2 版");
            assertThat(reader.find("#doc-body h3").getText()).isEqualTo("一、什么是冲还贷");
            assertThat(reader.driver().findElements(By.cssSelector("#doc-body script"))).isEmpty();
            assertThat(reader.driver().getTitle()).doesNotContain("pwned");
            assertThat(reader.find("#print-button").isDisplayed()).isTrue();
            assertThat(reader.find("link[rel=\"stylesheet\"][media=\"print\"]").getDomAttribute("href"))
                    .isEqualTo("/css/disclosure-print.css");
            assertThat(shownInPrint(reader, "#print-button")).isFalse();
            assertThat(shownInPrint(reader, ".site-header")).isFalse();
            assertThat(shownInPrint(reader, "#versions-section")).isFalse();
            assertThat(shownInPrint(reader, "#doc-body")).isTrue();
            assertThat(shownInPrint(reader, "#doc-facts")).isTrue();
            assertNoSeriousViolations(reader, "document");

            reader.click("#version-list li[data-version=\"1\"] a");
            reader.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("version-banner")));
            assertThat(reader.path()).isEqualTo("/disclosure/document.html?id=" + readingId + "&version=1");
            assertThat(reader.find("#doc-title").getText()).isEqualTo("关于冲还贷政策的解读（征求意见稿）");
            assertThat(reader.find("#version-banner").getText()).contains("第 1 版");
            assertThat(reader.find("#version-list li[aria-current=\"true\"]").getDomAttribute("data-version")).isEqualTo("1");
            assertNoSeriousViolations(reader, "past version");
            reader.click("#version-current-link");
            reader.waitUntil(ExpectedConditions.textToBe(By.id("doc-title"), "关于住房公积金冲还贷政策的解读"));

            reader.click("#related-list li[data-document-id=\"" + rulesId + "\"] a");
            reader.waitUntil(ExpectedConditions.textToBe(By.id("doc-title"), "住房公积金冲还贷业务办理规程"));
            assertThat(reader.path()).isEqualTo("/disclosure/document.html?id=" + rulesId);
            assertThat(reader.find("#doc-facts").getText()).contains("青住建规〔2025〕3号").contains("规章");
            assertThat(reader.find("#attachment-list a").getText()).isEqualTo("冲还贷申请表");
            assertThat(reader.find("#versions-section").getText()).contains("第 1 版").contains("现行版本");

            reader.go("/disclosure/document.html?id=" + withdrawnId);
            reader.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("gone")));
            assertThat(reader.find("#gone h1").getText()).isEqualTo("无法查看该政府信息");
            assertThat(reader.find("#gone-detail").getText()).contains("404");
            assertThat(reader.find("#document-main").isDisplayed()).isFalse();
            assertNoSeriousViolations(reader, "withdrawn document");

            reader.go("/disclosure/department.html?id=" + housingId);
            reader.waitUntil(d -> d.findElements(By.cssSelector("#catalogue-rows tr")).size() == 2);
            assertThat(reader.find("#department-name").getText()).isEqualTo("市住房和城乡建设局");
            assertThat(reader.find("#guide-body h3").getText()).isEqualTo("一、主动公开");
            assertThat(reader.find("#next-page").isEnabled()).isFalse();
            assertNoSeriousViolations(reader, "department");
            new Select(reader.find("#category-filter")).selectByValue("interpretation");
            reader.waitUntil(d -> d.findElements(By.cssSelector("#catalogue-rows tr")).size() == 1);
            assertThat(reader.find("#catalogue-rows tr").getDomAttribute("data-document-id")).isEqualTo(String.valueOf(readingId));
            assertThat(reader.path()).contains("category=interpretation");

            reader.go("/disclosure/department.html?id=" + ecoenvId);
            reader.waitUntil(d -> d.findElements(By.cssSelector("#catalogue-rows tr")).size() == 20);
            assertThat(reader.find("#guide-missing").isDisplayed()).isTrue();
            assertThat(reader.find("#catalogue-rows tr:first-child").getDomAttribute("data-document-id"))
                    .isEqualTo(String.valueOf(noticeId));
            reader.click("#next-page");
            reader.waitUntil(d -> d.findElements(By.cssSelector("#catalogue-rows tr")).size() == 2);
            assertThat(reader.find("#page-info").getText()).isEqualTo("第 2 页");
            assertThat(reader.find("#next-page").isEnabled()).isFalse();
            assertThat(reader.path()).contains("after=");
            reader.click("#prev-page");
            reader.waitUntil(d -> d.findElements(By.cssSelector("#catalogue-rows tr")).size() == 20);
            assertThat(reader.find("#page-info").getText()).isEqualTo("第 1 页");

            reader.go("/disclosure/document.html?id=" + rulesId);
            reader.waitUntil(ExpectedConditions.textToBe(By.id("doc-title"), "住房公积金冲还贷业务办理规程"));
            reader.click("#lang-toggle");
            reader.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("doc-facts"),
                    "Municipal Bureau of Housing and Urban-Rural Development"));
            assertThat(reader.find("#print-button").getText()).isEqualTo("Print");
        }
    }

    private static Map<String, Object> document(String title, String category, String number, String date, String body,
            List<Long> related) {
        Map<String, Object> document = new HashMap<>(Map.of("title", title, "category", category, "publishedOn", date,
                "validity", "valid", "body", body, "relatedIds", related));
        if (number != null) {
            document.put("docNumber", number);
        }
        return document;
    }

    private static JsonNode publish(PortalClient official, Map<String, Object> document) {
        byte[] body = official.post("/api/disclosure/manage/documents", document).expectStatus().isCreated()
                .expectBody().returnResult().getResponseBodyContent();
        return JSON.readTree(body);
    }

    private static void revise(PortalClient official, long id, Map<String, Object> document) {
        official.withCsrf().http().put().uri("/api/disclosure/manage/documents/" + id).contentType(MediaType.APPLICATION_JSON)
                .header("X-XSRF-TOKEN", official.cookies().get("XSRF-TOKEN")).bodyValue(document).exchange()
                .expectStatus().isOk();
    }

    /** Whether the element is shown when the page is printed: Chromium renders it for print media meanwhile. */
    private static boolean shownInPrint(Browser browser, String css) {
        HasCdp cdp = (HasCdp) browser.driver();
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            return browser.find(css).isDisplayed();
        } finally {
            cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static void assertNoSeriousViolations(Browser browser, String page) {
        List<Map<String, Object>> violations = browser.seriousAxeViolations();
        assertThat(violations).as("%s page accessibility: %s", page, violations).isEmpty();
    }
}
