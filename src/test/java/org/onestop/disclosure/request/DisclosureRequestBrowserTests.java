package org.onestop.disclosure.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.account.TestAccounts;
import org.onestop.e2e.Browser;
import org.onestop.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The request pages in real Chromium: a citizen applies for electronic delivery; the HRSS official
 * finds it in the queue, extends the period and replies with a PDF; the citizen sees the reply in
 * "my requests" and the file link. Axe runs on each page.
 */
@RequestTest
class DisclosureRequestBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void citizenAppliesThenOfficialExtendsAndRepliesWithFileThenCitizenSeesReply() throws IOException {
        TestAccounts.citizen(app, "e2e_dr_citizen");
        TestAccounts.staff(app, "e2e_dr_hrss", "HRSS", Role.OFFICIAL);
        Path pdf = Files.createTempFile("明细", ".pdf");
        Files.write(pdf, RequestFixture.PDF);
        long hrss = new RequestFixture(app, port, "").department("HRSS");

        try (Browser citizen = Browser.open(port); Browser official = Browser.open(port)) {
            login(citizen, "e2e_dr_citizen", "网友e2e_dr_citizen");
            citizen.go("/disclosure/apply.html");
            citizen.find("#apply-form:not([hidden])");
            citizen.find("#departmentId option[value=\"" + hrss + "\"]");
            assertThat(citizen.find("label[for=\"description\"]").getText()).isEqualTo("所需信息的内容描述（必填）");
            new Select(citizen.find("#departmentId")).selectByValue(String.valueOf(hrss));
            citizen.type("#description", "申请公开2025年度创业担保贷款贴息资金发放明细。");
            citizen.type("#purpose", "学术研究");
            citizen.click("#delivery-electronic");
            citizen.type("#contactPhone", "0532-85912345");
            assertNoSeriousViolations(citizen, "apply");
            citizen.click("#apply-submit");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("success")));
            assertThat(citizen.find("#success-text").getText()).startsWith("申请编号 YSQ");
            String href = citizen.find("#view-request").getDomAttribute("href");
            long id = Long.parseLong(href.substring(href.indexOf("id=") + 3));

            login(official, "e2e_dr_hrss", "e2e_dr_hrss");
            official.go("/disclosure/handle.html");
            official.find("#queue-list li[data-request-id=\"" + id + "\"]");
            assertNoSeriousViolations(official, "queue");
            official.go("/disclosure/handle.html?id=" + id);
            official.find("#work:not([hidden])");
            official.type("#reason", "需要向各区县调取数据").click("#extend-submit");
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("work-status")));
            assertThat(official.find("#extend-form").isDisplayed()).as("one extension only").isFalse();
            new Select(official.find("#outcome")).selectByValue("disclosed");
            official.type("#text", "经审查，您申请的信息予以公开，详见附件。");
            official.find("#files").sendKeys(pdf.toString());
            assertNoSeriousViolations(official, "handle");
            official.click("#reply-submit");
            official.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("reply-form")));

            citizen.go("/disclosure/requests.html");
            citizen.find("#request-list li[data-request-id=\"" + id + "\"]");
            assertThat(citizen.find("#request-list li[data-request-id=\"" + id + "\"]").getText()).contains("已答复");
            assertNoSeriousViolations(citizen, "mine");
            citizen.go("/disclosure/request.html?id=" + id);
            citizen.find("#request:not([hidden])");
            assertThat(citizen.find("#reply").getText()).contains("予以公开").contains(pdf.getFileName().toString());
            assertThat(citizen.find("#reply a[download]").getDomAttribute("href")).startsWith("/api/disclosure/requests/" + id + "/files/");
            assertNoSeriousViolations(citizen, "request");
        }
    }

    private static void login(Browser browser, String username, String displayName) {
        browser.go("/login.html");
        browser.type("#username", username).type("#password", TestAccounts.PASSWORD).click("#login-submit");
        browser.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), displayName));
    }

    private static void assertNoSeriousViolations(Browser browser, String page) {
        List<Map<String, Object>> violations = browser.seriousAxeViolations();
        assertThat(violations).as("%s page accessibility: %s", page, violations).isEmpty();
    }
}
