package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every page of the portal in real Chromium, in one browser: the shared chrome that layout.js
 * renders (skip link, header with account area and language toggle, one main navigation with the
 * page's area marked current, footer) is there, and axe finds nothing serious or critical.
 * Pages that need a session get a live one (or an ended one, for the archive); pages that need
 * a user are visited signed in as the right kind of user, switching users through the header.
 */
@PortalTest
class PageAccessibilityBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void everyPageHasTheSharedChromeAndNoSeriousAxeViolations() {
        long moderatorId = TestAccounts.staff(app, "a11y_mod", null, Role.MODERATOR);
        long officialId = TestAccounts.staff(app, "a11y_off", "HRSS", Role.OFFICIAL);
        TestAccounts.citizen(app, "a11y_citizen");
        TestAccounts.staff(app, "a11y_clerk", null, Role.MAILBOX_CLERK);
        PortalClient api = new PortalClient(port).login("a11y_mod", TestAccounts.PASSWORD);
        long live = startedSession(api, moderatorId, officialId, "就业创业政策在线访谈");
        long ended = startedSession(api, moderatorId, officialId, "养老保险政策在线访谈");
        api.post("/api/inquiry/sessions/" + ended + "/end", Map.of()).expectStatus().isOk();
        PortalClient official = new PortalClient(port).login("a11y_off", TestAccounts.PASSWORD);
        PortalClient citizen = new PortalClient(port).login("a11y_citizen", TestAccounts.PASSWORD);
        long consultation = openConsultation(official);
        long draft = draftConsultation(official);
        long letter = writeLetter(citizen);
        long published = publishedLetter(citizen, new PortalClient(port).login("a11y_clerk", TestAccounts.PASSWORD), official);
        Map<?, ?> document = publishDocument(official);
        long documentId = ((Number) document.get("id")).longValue();
        Object hrss = ((Map<?, ?>) document.get("department")).get("id");

        SoftAssertions softly = new SoftAssertions();
        try (Browser browser = Browser.open(port)) {
            // Signed out.
            check(softly, browser, "/", "/");
            check(softly, browser, "/login.html", null);
            check(softly, browser, "/register.html", null);
            check(softly, browser, "/inquiry/", "/inquiry/", "#session-list li");
            check(softly, browser, "/servicehall/", "/servicehall/");
            check(softly, browser, "/opendata/", "/opendata/");
            check(softly, browser, "/mailbox/", "/mailbox/", "#link-write");
            check(softly, browser, "/mailbox/track.html", "/mailbox/", "#track-form");
            check(softly, browser, "/inquiry/session.html?id=" + live, "/inquiry/", "#live-status[data-state=\"open\"]");
            check(softly, browser, "/inquiry/archive.html?id=" + ended, "/inquiry/", "#stats .profile-row");
            // Consultations belong to the mailbox area of the main navigation.
            check(softly, browser, "/consultations/", "/mailbox/", "#consultation-list li");
            check(softly, browser, "/consultations/detail.html?id=" + consultation, "/mailbox/", "#consultation-main:not([hidden])");
            check(softly, browser, "/mailbox/published.html", "/mailbox/", "#letter-rows tr");
            check(softly, browser, "/mailbox/published-letter.html?id=" + published, "/mailbox/", "#letter:not([hidden])");
            check(softly, browser, "/mailbox/statistics.html", "/mailbox/", "#stats:not([hidden])");
            check(softly, browser, "/mailbox/scorecard.html", "/mailbox/", "#ranking-rows tr");
            check(softly, browser, "/disclosure/", "/disclosure/", "#category-tree[aria-busy=\"false\"]");
            check(softly, browser, "/disclosure/search.html?q=" + URLEncoder.encode("就业", StandardCharsets.UTF_8), "/disclosure/",
                    "#results[aria-busy=\"false\"]");
            check(softly, browser, "/disclosure/department.html?id=" + hrss, "/disclosure/", "#catalogue-rows[aria-busy=\"false\"]");
            check(softly, browser, "/disclosure/document.html?id=" + documentId, "/disclosure/", "#document-main:not([hidden])");

            // A citizen: their own page.
            login(browser, "a11y_citizen", "网友a11y_citizen");
            // My Government with its sections filled: records, notifications, activity and subscriptions.
            check(softly, browser, "/me/", "/me/", "#profile:not([hidden])", "#records-body tr",
                    "#sub-kind option[value=\"disclosure_department\"]", "#notifications-status:not(:empty)");
            check(softly, browser, "/consultations/detail.html?id=" + consultation, "/mailbox/", "#comment-form:not([hidden])");
            check(softly, browser, "/mailbox/write.html", "/mailbox/", "#mailbox option[data-code=\"HRSS\"]");
            check(softly, browser, "/mailbox/mine.html", "/mailbox/", "#letter-list li");
            check(softly, browser, "/mailbox/letter.html?id=" + letter, "/mailbox/", "#letter-main:not([hidden])");
            logout(browser);

            // Staff: the moderator's and the official's consoles.
            login(browser, "a11y_mod", "a11y_mod");
            check(softly, browser, "/inquiry/moderate.html?id=" + live, "/inquiry/", "#live-status[data-state=\"open\"]");
            logout(browser);
            login(browser, "a11y_off", "a11y_off");
            check(softly, browser, "/inquiry/answer.html?id=" + live, "/inquiry/", "#live-status[data-state=\"open\"]");
            check(softly, browser, "/mailbox/workbench.html", "/mailbox/", "#queue-rows tr");
            check(softly, browser, "/mailbox/case.html?id=" + letter, "/mailbox/", "#accept-panel:not([hidden])");
            check(softly, browser, "/consultations/manage.html", "/mailbox/", "#rows tr");
            check(softly, browser, "/consultations/edit.html", "/mailbox/", "#draft-section:not([hidden])");
            check(softly, browser, "/consultations/edit.html?id=" + draft, "/mailbox/", "#files-section:not([hidden])");
            check(softly, browser, "/consultations/review.html?id=" + consultation, "/mailbox/", "#pending-section:not([hidden])");
            check(softly, browser, "/opendata/manage.html", "/opendata/", "#datasets-status[data-state=\"ready\"]",
                    "#inbox-status[data-state=\"ready\"]");

            // The rendered chrome follows the language toggle.
            browser.click("#lang-toggle");
            browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            softly.assertThat(browser.find("nav.main-nav a[href=\"/inquiry/\"]").getText())
                    .as("nav link in English").isEqualTo("Live Inquiry");
            softly.assertThat(browser.find("nav.main-nav").getAttribute("aria-label"))
                    .as("nav label in English").isEqualTo("Main navigation");
            browser.click("#lang-toggle");
            browser.waitUntil(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        }
        softly.assertAll();
    }

    /**
     * Opens a page, waits until it has settled (the account area filled, and each of the page's own
     * ready markers if given), then checks the chrome and runs axe. currentHref is the nav link that
     * must be marked current, or null for pages in no area (no link is marked).
     */
    private static void check(SoftAssertions softly, Browser browser, String path, String currentHref, String... ready) {
        browser.go(path);
        browser.find("#account-area > *");
        for (String marker : ready) {
            browser.find(marker);
        }
        softly.assertThat(count(browser, "nav.main-nav")).as("%s: one main navigation", path).isEqualTo(1);
        softly.assertThat(count(browser, "body > a.skip-link[href=\"#main\"]")).as("%s: skip link", path).isEqualTo(1);
        softly.assertThat(count(browser, "header.site-header #lang-toggle")).as("%s: language toggle", path).isEqualTo(1);
        softly.assertThat(count(browser, "header.site-header #account-area[role=\"group\"]")).as("%s: account area", path).isEqualTo(1);
        softly.assertThat(count(browser, "main#main")).as("%s: main", path).isEqualTo(1);
        softly.assertThat(count(browser, "footer.site-footer .footer-inner p")).as("%s: footer", path).isEqualTo(2);
        List<String> current = browser.driver().findElements(By.cssSelector("nav.main-nav a[aria-current=\"page\"]"))
                .stream().map(a -> a.getDomAttribute("href")).toList();
        softly.assertThat(current).as("%s: nav link marked current", path)
                .isEqualTo(currentHref == null ? List.of() : List.of(currentHref));
        List<Map<String, Object>> violations = browser.seriousAxeViolations();
        softly.assertThat(violations).as("%s: serious axe violations", path).isEmpty();
    }

    private static int count(Browser browser, String css) {
        return browser.driver().findElements(By.cssSelector(css)).size();
    }

    /** Signs in through the real login page and waits for the header to greet the user. */
    private static void login(Browser browser, String username, String displayName) {
        browser.go("/login.html");
        browser.type("#username", username).type("#password", TestAccounts.PASSWORD).click("#login-submit");
        browser.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), displayName));
    }

    /** Signs out with the header's button, which lands on the home page signed out. */
    private static void logout(Browser browser) {
        WebElement button = browser.find("#logout-button");
        button.click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("account-login")));
        assertThat(browser.path()).isEqualTo("/");
    }

    /** Publishes a consultation that opens now, so its page shows the comment form to citizens. */
    private static long openConsultation(PortalClient official) {
        return consultation(official, false);
    }

    /** A consultation kept as a draft, as the edit page's first save leaves it (files may be attached). */
    private static long draftConsultation(PortalClient official) {
        return consultation(official, true);
    }

    private static long consultation(PortalClient official, boolean draft) {
        Instant opens = Instant.now();
        Map<?, ?> created = official.post("/api/consultations", Map.of(
                "title", "就业补贴管理办法（征求意见稿）", "summary", "征求社会各界对就业补贴管理办法的意见。",
                "text", "第一条 为了规范就业补贴的发放，制定本办法。\n\n第二条 本办法适用于本市。",
                "opensAt", opens.toString(), "closesAt", opens.plus(Duration.ofDays(14)).toString(), "draft", draft))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) created.get("id")).longValue();
    }

    /** A letter to the mayor that the clerk dispatches to HRSS, whose official replies and publishes it. */
    private long publishedLetter(PortalClient writer, PortalClient clerk, PortalClient official) {
        long id = letter(writer, Map.of("mailbox", "mayor", "kind", "suggestion", "title", "建议延长社保服务大厅周末开放时间",
                "body", "上班族工作日难以办理社保业务，建议周六上午开放服务大厅。", "consentToPublish", true,
                "contactPreference", "none"));
        long hrss = app.getBean(DatabaseClient.class).sql("SELECT id FROM department WHERE code = 'HRSS'")
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        clerk.post("/api/mailbox/cases/" + id + "/accept", Map.of()).expectStatus().isOk();
        clerk.post("/api/mailbox/cases/" + id + "/dispatch", Map.of("leadDepartmentId", hrss, "cohandlerIds", List.of(),
                "note", "请人社局办理")).expectStatus().isOk();
        official.post("/api/mailbox/cases/" + id + "/reply", Map.of("text", "您好！自下月起社保服务大厅周六上午开放。"))
                .expectStatus().isOk();
        official.post("/api/mailbox/cases/" + id + "/publish", Map.of()).expectStatus().isOk();
        return id;
    }

    /** A notice HRSS publishes in its disclosure catalogue; the created document (with its department). */
    private static Map<?, ?> publishDocument(PortalClient official) {
        return official.post("/api/disclosure/manage/documents", Map.of("title", "关于开展2026年就业见习工作的通知",
                "category", "notice-notice", "publishedOn", "2026-03-02", "validity", "valid",
                "body", "<p>各区就业服务机构：现就做好2026年就业见习工作通知如下。</p>", "relatedIds", List.of()))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Writes a letter to HRSS's mailbox, so its official may triage it. */
    private static long writeLetter(PortalClient citizen) {
        return letter(citizen, Map.of("mailbox", "HRSS", "kind", "help", "title", "咨询失业保险金申领",
                "body", "失业后如何申领失业保险金？需要准备哪些材料？", "consentToPublish", false,
                "contactPreference", "none"));
    }

    /** Sends a letter as the write page does (multipart with a JSON part); its id. */
    private static long letter(PortalClient citizen, Map<String, Object> letter) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("letter", letter, MediaType.APPLICATION_JSON);
        citizen.withCsrf();
        Map<?, ?> written = citizen.http().post().uri("/api/mailbox/letters").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) written.get("id")).longValue();
    }

    /** Creates a session an hour ahead with the moderator and official assigned, and starts it. */
    private long startedSession(PortalClient moderator, long moderatorId, long officialId, String title) {
        long hrss = app.getBean(DatabaseClient.class).sql("SELECT id FROM department WHERE code = 'HRSS'")
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        Instant startsAt = Instant.now().plusSeconds(3600);
        Map<?, ?> session = moderator.post("/api/inquiry/sessions", Map.of(
                "title", title, "description", "市人社局解读最新政策。",
                "departmentId", hrss, "startsAt", startsAt.toString(), "endsAt", startsAt.plusSeconds(7200).toString(),
                "officialIds", List.of(officialId), "moderatorIds", List.of(moderatorId)))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        long id = ((Number) session.get("id")).longValue();
        moderator.post("/api/inquiry/sessions/" + id + "/start", Map.of()).expectStatus().isOk();
        return id;
    }
}
