package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The department's side of a consultation in real Chromium: an HRSS official drafts it, attaches
 * a PDF, publishes it; moderates two citizens' comments (one rejected with a reason); and after the
 * window has closed publishes the feedback, which the public page then shows with the decisions.
 */
@PortalTest
class ConsultationStaffBrowserTests {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void officialDraftsAttachesPublishesModeratesAndPublishesFeedback() throws IOException {
        TestAccounts.staff(app, "e2e_cs_off", "HRSS", Role.OFFICIAL);
        TestAccounts.citizen(app, "e2e_cs_wang");
        TestAccounts.citizen(app, "e2e_cs_li");
        Path pdf = Files.createTempFile("征求意见稿", ".pdf");
        Files.write(pdf, PDF);
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);

        try (Browser official = Browser.open(port)) {
            official.go("/login.html");
            official.type("#username", "e2e_cs_off").type("#password", TestAccounts.PASSWORD).click("#login-submit");
            official.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), "e2e_cs_off"));
            official.go("/consultations/manage.html");
            official.waitUntil(ExpectedConditions.textToBe(By.id("list-status"), "本部门还没有意见征集。"));
            assertNoSeriousViolations(official, "manage");
            official.click("#new-link");
            official.find("#draft-section:not([hidden])");
            official.type("#title", "技能人才评价办法（征求意见稿）").type("#summary", "征求社会各界对技能人才评价办法的意见。")
                    .type("#text", "第一条 为了规范技能人才评价，制定本办法。");
            // Native date-time pickers take keystrokes differently per locale; the value is set as a user's pick would.
            ((JavascriptExecutor) official.driver()).executeScript(
                    "document.getElementById('opensAt').value = arguments[0]; document.getElementById('closesAt').value = arguments[1];",
                    now.format(LOCAL), now.plusDays(10).format(LOCAL));
            assertNoSeriousViolations(official, "new draft");
            official.click("#save");
            official.waitUntil(ExpectedConditions.urlContains("/consultations/edit.html?id="));
            long id = Long.parseLong(official.path().substring(official.path().indexOf("id=") + 3));
            official.waitUntil(ExpectedConditions.textToBe(By.cssSelector("#status-badge .badge"), "草稿（未发布）"));
            new PortalClient(port).get("/api/consultations/" + id).expectStatus().isNotFound();

            official.find("#files").sendKeys(pdf.toString());
            official.click("#upload");
            official.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#file-list li a"),
                    pdf.getFileName().toString()));
            assertNoSeriousViolations(official, "edit draft");
            official.click("#publish");
            official.waitUntil(ExpectedConditions.textToBe(By.cssSelector("#status-badge .badge"), "征集中"));
            assertThat(official.find("#save").isEnabled()).isFalse();

            PortalClient anyone = new PortalClient(port);
            Map<?, ?> detail = anyone.get("/api/consultations/" + id).expectStatus().isOk().expectBody(Map.class)
                    .returnResult().getResponseBody();
            assertThat((List<?>) detail.get("attachments")).hasSize(1);

            PortalClient wang = new PortalClient(port).login("e2e_cs_wang", TestAccounts.PASSWORD);
            PortalClient li = new PortalClient(port).login("e2e_cs_li", TestAccounts.PASSWORD);
            long good = comment(wang, id, "建议把新职业纳入评价目录。");
            long off = comment(li, id, "这条意见与评价办法无关。");

            official.go("/consultations/review.html?id=" + id);
            official.find("#pending-list li[data-comment-id=\"" + off + "\"]");
            assertNoSeriousViolations(official, "review");
            official.type("#reason-" + off, "与征求意见内容无关").click("#reject-" + off);
            official.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#pending-list li[data-comment-id=\"" + off + "\"]")));
            official.click("#approve-" + good);
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("pending-empty")));
            assertThat(official.find("#feedback-not-yet").isDisplayed()).isTrue();

            // The window closes: a day cannot pass in a test, so its dates are moved into the past.
            app.getBean(DatabaseClient.class).sql("""
                    UPDATE consultation SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 hour' WHERE id = :id""")
                    .bind("id", id).then().block(Duration.ofSeconds(5));
            official.driver().navigate().refresh();
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-form")));
            official.type("#feedback-text", "共收到意见 2 条，公开 1 条，已采纳 1 条。");
            new Select(official.find("#decision-" + good)).selectByValue("not_adopted");
            official.click("#feedback-submit");
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
            assertThat(official.find("#form-errors").getText()).contains("理由");
            new Select(official.find("#decision-" + good)).selectByValue("adopted");
            official.type("#decision-reason-" + good, "已在第三条增加新职业评价。");
            assertNoSeriousViolations(official, "feedback");
            official.click("#feedback-submit");
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-done")));

            official.go("/consultations/detail.html?id=" + id);
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-section")));
            assertThat(official.find("#count-adopted").getText()).contains("1");
            assertThat(official.find("#attachment-list a").getDomAttribute("href"))
                    .startsWith("/api/consultations/" + id + "/attachments/");
            assertThat(official.find("#comment-list li[data-comment-id=\"" + good + "\"]").getText()).contains("已在第三条增加新职业评价");
            assertThat(official.driver().getPageSource()).doesNotContain("这条意见与评价办法无关");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    private static long comment(PortalClient who, long id, String text) {
        Map<?, ?> body = who.post("/api/consultations/" + id + "/comments", Map.of("text", text, "anonymous", false))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private static void assertNoSeriousViolations(Browser browser, String page) {
        List<Map<String, Object>> violations = browser.seriousAxeViolations();
        assertThat(violations).as("%s page accessibility: %s", page, violations).isEmpty();
    }
}
