package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The government mailbox in real Chromium: a citizen writes a letter with a PNG to HRSS's mailbox
 * and tracks it by number and code; the HRSS official accepts it and replies from the workbench
 * with a template; the citizen rates the reply and sees the letter closed. Axe runs on each page.
 */
@PortalTest
class MailboxBrowserTests {

    /** The smallest PNG the content check accepts: the signature and an IHDR chunk. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void citizenWritesAndTracksThenOfficialRepliesFromWorkbenchThenCitizenRatesAndLetterCloses() throws IOException {
        TestAccounts.citizen(app, "e2e_mb_citizen");
        TestAccounts.staff(app, "e2e_mb_hrss", "HRSS", Role.OFFICIAL);
        Path png = Files.createTempFile("site-photo", ".png");
        Files.write(png, PNG);

        try (Browser citizen = Browser.open(port); Browser official = Browser.open(port)) {
            login(citizen, "e2e_mb_citizen", "网友e2e_mb_citizen");
            citizen.go("/mailbox/");
            assertThat(citizen.find("#link-write").getText()).isEqualTo("我要写信");
            assertNoSeriousViolations(citizen, "home");

            citizen.go("/mailbox/write.html");
            citizen.find("#letter-form:not([hidden])");
            citizen.find("#mailbox option[data-code=\"HRSS\"]");
            assertThat(citizen.find("label[for=\"title\"]").getText()).isEqualTo("标题（必填）");
            new Select(citizen.find("#mailbox")).selectByValue(
                    citizen.find("#mailbox option[data-code=\"HRSS\"]").getDomAttribute("value"));
            citizen.click("#kind-suggestion");
            citizen.type("#title", "建议延长社保服务大厅周末开放时间");
            citizen.type("#body", "社保服务大厅周末只开放半天，上班族很难办理业务，建议周六全天开放。");
            assertThat(citizen.find("#body-counter").getText()).contains("/ 4000");
            citizen.type("#location", "市南区香港中路");
            citizen.find("#attachments").sendKeys(png.toString());
            citizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#file-list li"),
                    png.getFileName().toString()));
            citizen.click("#consentToPublish").click("#contactPreference-sms");
            assertNoSeriousViolations(citizen, "write");
            citizen.click("#letter-submit");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("success")));
            String number = citizen.find("#tracking-number").getText();
            String code = citizen.find("#query-code").getText();
            assertThat(number).startsWith("XX");
            assertThat(code).hasSize(8);
            String letterHref = citizen.find("#view-letter").getDomAttribute("href");
            long id = Long.parseLong(letterHref.substring(letterHref.indexOf("id=") + 3));
            assertNoSeriousViolations(citizen, "write success");

            citizen.go("/mailbox/track.html");
            citizen.type("#number", number).type("#code", "WRONG234").click("#track-submit");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("track-problem")));
            assertThat(citizen.find("#track-problem").getDomAttribute("data-status")).isEqualTo("404");
            citizen.type("#code", code).click("#track-submit");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("track-result")));
            assertThat(citizen.find("#track-problem").isDisplayed()).isFalse();
            assertThat(citizen.find("#result-facts .mbox-status").getText()).isEqualTo("已收到");
            assertThat(citizen.find("#result-timeline .timeline-entry[data-type=\"received\"]").isDisplayed()).isTrue();
            assertNoSeriousViolations(citizen, "track");

            login(official, "e2e_mb_hrss", "e2e_mb_hrss");
            official.go("/mailbox/workbench.html");
            official.find("#queue-rows tr[data-letter-id=\"" + id + "\"]");
            assertThat(official.find("#queue-rows tr[data-letter-id=\"" + id + "\"]").getText()).contains("待受理");
            assertNoSeriousViolations(official, "workbench");
            official.click("#queue-rows tr[data-letter-id=\"" + id + "\"] a");
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("accept-panel")));
            assertThat(official.find("#case-files a").getText()).isEqualTo(png.getFileName().toString());
            assertNoSeriousViolations(official, "case");
            official.click("#accept-button");
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("reply-form")));
            official.find("#template option:not([value=\"\"])");
            new Select(official.find("#template")).selectByVisibleText("采纳建议");
            official.click("#use-template");
            official.waitUntil(d -> official.find("#reply-text").getDomProperty("value").contains(number));
            official.find("#reply-text").sendKeys("自下月起周六全天开放。");
            official.click("#reply-submit");
            official.waitUntil(ExpectedConditions.textToBe(By.cssSelector("#case-status .mbox-status"), "已答复"));
            assertThat(official.find("#case-timeline .timeline-entry[data-type=\"replied\"]").getText()).contains("周六全天开放");
            assertNoSeriousViolations(official, "case replied");

            citizen.go("/mailbox/mine.html");
            citizen.find("#letter-list li[data-letter-id=\"" + id + "\"]");
            assertThat(citizen.find("#letter-list li[data-letter-id=\"" + id + "\"] .mbox-status").getText()).isEqualTo("已答复");
            assertNoSeriousViolations(citizen, "mine");
            citizen.click("#letter-list li[data-letter-id=\"" + id + "\"] .card-title a");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("rating-form")));
            assertThat(citizen.find("#reply-text").getText()).contains("周六全天开放");
            assertNoSeriousViolations(citizen, "letter");
            citizen.click("#satisfaction-5");
            citizen.type("#rating-comment-text", "答复及时，非常满意。");
            citizen.click("#rating-submit");
            citizen.waitUntil(ExpectedConditions.textToBe(By.cssSelector("#letter-status .mbox-status"), "已办结"));
            assertThat(citizen.find("#rating-value").getText()).contains("5");
            assertThat(citizen.find("#rating-form").isDisplayed()).isFalse();
            List<WebElement> entries = citizen.driver().findElements(By.cssSelector("#letter-timeline .timeline-entry"));
            assertThat(entries).extracting(e -> e.getDomAttribute("data-type"))
                    .containsSubsequence("received", "accepted", "replied", "rated", "closed");
            assertNoSeriousViolations(citizen, "letter closed");
        } finally {
            Files.deleteIfExists(png);
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
