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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Live online inquiry in real Chromium, three people in three browsers (three profiles, so three
 * cookie jars): a netizen asks, the moderator approves, the official answers, and the netizen's
 * room shows the question and then the answer over the live stream, without a reload.
 */
@PortalTest
class LiveInquiryBrowserTests {

    private static final String QUESTION = "请问灵活就业人员如何参加职工养老保险？";
    private static final String ANSWER = "灵活就业人员可以在户籍地或居住地社保经办机构以个人身份参保。";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void questionAskedApprovedAndAnsweredReachesTheNetizenLiveWithoutReload() {
        // Setup through the API: accounts straight in the store, a live session by the moderator.
        long moderatorId = TestAccounts.staff(app, "e2e_mod", null, Role.MODERATOR);
        long officialId = TestAccounts.staff(app, "e2e_off", "HRSS", Role.OFFICIAL);
        TestAccounts.citizen(app, "e2e_netizen");
        long sessionId = liveSession(moderatorId, officialId);

        try (Browser netizen = Browser.open(port);
                Browser moderator = Browser.open(port);
                Browser official = Browser.open(port)) {
            login(netizen, "e2e_netizen", "网友e2e_netizen");
            login(moderator, "e2e_mod", "e2e_mod");
            login(official, "e2e_off", "e2e_off");

            netizen.go("/inquiry/session.html?id=" + sessionId);
            moderator.go("/inquiry/moderate.html?id=" + sessionId);
            official.go("/inquiry/answer.html?id=" + sessionId);
            for (Browser browser : List.of(netizen, moderator, official)) {
                awaitLive(browser);
            }
            // Everything from here on must arrive over the live stream, not by a page load.
            script(netizen, "window.__noReload = 1;");

            // The netizen asks.
            netizen.type("#question-text", QUESTION).click("#ask-submit");
            netizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("ask-success")));
            WebElement mine = netizen.find("#my-questions li[data-question-id]");
            String questionId = mine.getAttribute("data-question-id");
            String item = "li[data-question-id=\"" + questionId + "\"]";
            netizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#my-questions " + item + " .my-question-text"), QUESTION));

            // The moderator sees it in the review queue and approves it.
            moderator.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#queue " + item + " .question-text"), QUESTION));
            moderator.click("#queue " + item + " .approve");
            moderator.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#queue " + item)));

            // Published: the netizen's room and the official's console show it.
            netizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#question-list " + item + " .question-text"), QUESTION));
            official.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#question-list " + item + " .question-text"), QUESTION));

            // The official answers.
            official.type("#question-list " + item + " .answer-input", ANSWER)
                    .click("#question-list " + item + " .answer-submit");
            official.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#question-list " + item + " .answer-text"), ANSWER));

            // The netizen's room shows the answer under the question, announced, with no reload.
            netizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#question-list " + item + " .answer-text"), ANSWER));
            assertThat(script(netizen, "return window.__noReload === 1;"))
                    .as("the netizen's page was updated in place, not reloaded").isEqualTo(true);
            // The announcer is visually hidden (for screen readers only), so read its DOM text.
            netizen.waitUntil(d -> textContent(netizen, "#live-announcer").contains(ANSWER));
            assertThat(textContent(netizen, "#live-announcer")).contains("新回复：" + ANSWER);
            assertThat(netizen.find("#live-announcer").getAttribute("aria-live")).isEqualTo("polite");
            netizen.waitUntil(ExpectedConditions.attributeContains(
                    By.cssSelector("#my-questions " + item + " .status"), "class", "qstatus-approved"));
            assertThat(netizen.find("#my-questions " + item + " .status").getText()).isEqualTo("已公开");
            assertThat(netizen.find("#question-list " + item + " .answer-department").getText())
                    .isEqualTo("市人力资源和社会保障局");

            // The moderator's published list counts the answer too.
            moderator.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#published " + item + " .question-text"), QUESTION));

            List<Map<String, Object>> room = netizen.seriousAxeViolations();
            assertThat(room).as("live room accessibility: %s", room).isEmpty();
            List<Map<String, Object>> console = moderator.seriousAxeViolations();
            assertThat(console).as("moderator console accessibility: %s", console).isEmpty();
            assertThat(script(netizen, "return window.__noReload === 1;")).isEqualTo(true);
        }
    }

    @Test
    void moderatorEndsTheSessionFollowingUpAnUnansweredQuestionAndTheArchiveShowsItsCase() {
        long moderatorId = TestAccounts.staff(app, "e2e_mod2", null, Role.MODERATOR);
        long officialId = TestAccounts.staff(app, "e2e_off2", "HRSS", Role.OFFICIAL);
        TestAccounts.citizen(app, "e2e_netizen2");
        long sessionId = liveSession("e2e_mod2", moderatorId, officialId);
        PortalClient netizen = new PortalClient(port).login("e2e_netizen2", TestAccounts.PASSWORD);
        PortalClient moderatorApi = new PortalClient(port).login("e2e_mod2", TestAccounts.PASSWORD);
        PortalClient officialApi = new PortalClient(port).login("e2e_off2", TestAccounts.PASSWORD);
        long answered = ask(netizen, sessionId, "创业担保贷款最长可以贷几年？");
        long open = ask(netizen, sessionId, "我们区什么时候开设零工市场？");
        for (long q : List.of(answered, open)) {
            moderatorApi.post("/api/inquiry/questions/" + q + "/approve", Map.of()).expectStatus().isOk();
        }
        officialApi.post("/api/inquiry/questions/" + answered + "/answers", Map.of("text", "最长3年。")).expectStatus().isCreated();

        try (Browser moderator = Browser.open(port)) {
            login(moderator, "e2e_mod2", "e2e_mod2");
            moderator.go("/inquiry/moderate.html?id=" + sessionId);
            awaitLive(moderator);
            String openItem = "#published li[data-question-id=\"" + open + "\"]";
            String answeredItem = "#published li[data-question-id=\"" + answered + "\"]";
            moderator.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(openItem + " .followup-choice")));
            assertThat(moderator.find(answeredItem + " .followup-line").isDisplayed()).as("an answered question is not offered").isFalse();
            moderator.click(openItem + " .followup-choice").click("#end-session");
            moderator.waitUntil(ExpectedConditions.attributeToBe(By.id("start-session"), "disabled", "true"));
            moderator.waitUntil(ExpectedConditions.attributeToBe(By.id("end-session"), "disabled", "true"));

            moderator.go("/inquiry/archive.html?id=" + sessionId);
            String caseLine = "#transcript li[data-question-id=\"" + open + "\"] .case-line";
            moderator.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(caseLine)));
            assertThat(moderator.find(caseLine).getText()).matches("信件编号 XX\\d{14}（办理中）");
            assertThat(moderator.driver().findElements(By.cssSelector("#transcript li[data-question-id=\"" + answered + "\"] .case-line")))
                    .isEmpty();
            List<Map<String, Object>> archive = moderator.seriousAxeViolations();
            assertThat(archive).as("archive accessibility: %s", archive).isEmpty();
        }
    }

    private static long ask(PortalClient asker, long sessionId, String text) {
        Map<?, ?> asked = asker.post("/api/inquiry/sessions/" + sessionId + "/questions", Map.of("text", text, "anonymous", false))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) asked.get("id")).longValue();
    }

    /** Creates a session an hour ahead with the moderator and official assigned, and starts it. */
    private long liveSession(long moderatorId, long officialId) {
        return liveSession("e2e_mod", moderatorId, officialId);
    }

    private long liveSession(String moderatorName, long moderatorId, long officialId) {
        PortalClient moderator = new PortalClient(port).login(moderatorName, TestAccounts.PASSWORD);
        long hrss = app.getBean(DatabaseClient.class).sql("SELECT id FROM department WHERE code = 'HRSS'")
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        Instant startsAt = Instant.now().plusSeconds(3600);
        Map<?, ?> session = moderator.post("/api/inquiry/sessions", Map.of(
                "title", "就业创业政策在线访谈", "description", "市人社局解读最新就业创业扶持政策。",
                "departmentId", hrss, "startsAt", startsAt.toString(), "endsAt", startsAt.plusSeconds(7200).toString(),
                "officialIds", List.of(officialId), "moderatorIds", List.of(moderatorId)))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        long id = ((Number) session.get("id")).longValue();
        moderator.post("/api/inquiry/sessions/" + id + "/start", Map.of()).expectStatus().isOk();
        return id;
    }

    /** Signs in through the real login page and waits for the header to greet the user. */
    private static void login(Browser browser, String username, String displayName) {
        browser.go("/login.html");
        browser.type("#username", username).type("#password", TestAccounts.PASSWORD).click("#login-submit");
        browser.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), displayName));
    }

    /** Waits until the page's live connection is open and its session header shows the session live. */
    private static void awaitLive(Browser browser) {
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "open"));
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#session-status .status-live")));
    }

    private static String textContent(Browser browser, String css) {
        return browser.find(css).getDomProperty("textContent");
    }

    private static Object script(Browser browser, String js) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js);
    }
}
