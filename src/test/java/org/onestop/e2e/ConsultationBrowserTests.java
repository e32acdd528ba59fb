package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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

/**
 * Opinion solicitation in real Chromium: a citizen opens a consultation from the list, reads the
 * draft, comments anonymously, sees the comment awaiting review among their own, and after the
 * department approves it, finds it published under 匿名.
 */
@PortalTest
class ConsultationBrowserTests {

    private static final String COMMENT = "建议把灵活就业人员纳入就业补贴范围，并简化申领材料。";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void citizenCommentsOnAnOpenConsultationAndSeesItPublishedAfterApproval() {
        TestAccounts.staff(app, "e2e_cons_off", "HRSS", Role.OFFICIAL);
        TestAccounts.citizen(app, "e2e_cons_citizen");
        PortalClient official = new PortalClient(port).login("e2e_cons_off", TestAccounts.PASSWORD);
        // Opening "now": the window is open as soon as it is published.
        Instant opens = Instant.now();
        Map<?, ?> created = official.post("/api/consultations", Map.of(
                        "title", "就业补贴管理办法（征求意见稿）", "summary", "征求社会各界对就业补贴管理办法的意见。",
                        "text", "第一条 为了规范就业补贴的发放，制定本办法。\n\n第二条 本办法适用于本市。",
                        "opensAt", opens.toString(), "closesAt", opens.plus(Duration.ofDays(14)).toString()))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        long id = ((Number) created.get("id")).longValue();

        try (Browser citizen = Browser.open(port)) {
            citizen.go("/login.html");
            citizen.type("#username", "e2e_cons_citizen").type("#password", TestAccounts.PASSWORD).click("#login-submit");
            citizen.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), "网友e2e_cons_citizen"));

            citizen.go("/consultations/");
            // The feature's texts are in place from the first paint, not left as raw keys.
            assertThat(citizen.find("main h1").getText()).isEqualTo("意见征集");
            assertThat(citizen.find("label[for=\"filter-status\"]").getText()).isEqualTo("征集状态");
            citizen.click("#consultation-list li[data-consultation-id=\"" + id + "\"] .card-title a");
            citizen.waitUntil(ExpectedConditions.textToBe(By.id("consultation-title"), "就业补贴管理办法（征求意见稿）"));
            assertThat(citizen.driver().findElements(By.cssSelector("#consultation-text p"))).hasSize(2);
            assertThat(citizen.find("#consultation-status .badge").getText()).isEqualTo("征集中");

            citizen.type("#comment-text", COMMENT).click("#anonymous").click("#comment-submit");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("comment-success")));
            citizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#my-comments li .my-question-text"), COMMENT));
            assertThat(citizen.find("#my-comments li .status").getText()).isEqualTo("待审核");
            assertThat(citizen.find("#comments-status").getText()).isEqualTo("还没有公开的意见。");
            List<Map<String, Object>> violations = citizen.seriousAxeViolations();
            assertThat(violations).as("detail page accessibility: %s", violations).isEmpty();

            Map<?, ?> queue = official.get("/api/consultations/" + id + "/comments?status=pending").expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            long commentId = ((Number) ((Map<?, ?>) ((List<?>) queue.get("items")).getFirst()).get("id")).longValue();
            official.post("/api/consultations/comments/" + commentId + "/approve", Map.of()).expectStatus().isOk();

            citizen.driver().navigate().refresh();
            citizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#comment-list li[data-comment-id=\"" + commentId + "\"] .comment-text"), COMMENT));
            assertThat(citizen.find("#comment-list li[data-comment-id=\"" + commentId + "\"] .asker").getText()).isEqualTo("匿名");
            citizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-comments li .status"), "已公开"));
        }
    }
}
