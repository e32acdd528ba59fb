package org.onestop.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.e2e.Browser;
import org.onestop.security.Role;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Stored XSS: the {@link XssCorpus} is stored through the API in fields the pages show (live
 * questions, answers and the asker's display name; a letter's title, body and reply on the staff
 * case page and the public letter page; a consultation comment; a disclosure document's title and
 * body), then each page is opened in real Chromium. A script injected before every page load
 * watches a sentinel ({@code window.__xss}), {@code alert}, CSP violation events and requests for
 * {@code /xss-sentinel}; after the payloads are on screen as text, all must be untouched.
 */
@PortalTest
class StoredXssBrowserTests {

    private static final String WATCH = """
            window.__xssAlerts = 0; window.__csp = [];
            window.alert = window.confirm = window.prompt = function () { window.__xssAlerts++; };
            document.addEventListener('securitypolicyviolation',
                e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
            """;
    private static final String CHECK = """
            return JSON.stringify({xss: window.__xss === undefined ? null : String(window.__xss),
              alerts: window.__xssAlerts, csp: window.__csp,
              sentinel: performance.getEntriesByType('resource').map(r => r.name).filter(n => n.includes('xss-sentinel'))});
            """;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void storedPayloadsShowAsTextAndExecuteNothingOnThePagesThatDisplayThem() {
        FuzzWorld world = new FuzzWorld(app, port);
        long hrss = world.department("HRSS");
        long mod = TestAccounts.staff(app, "xss_mod", null, Role.MODERATOR);
        long off = TestAccounts.staff(app, "xss_off", "HRSS", Role.OFFICIAL);
        TestAccounts.staff(app, "xss_clerk", null, Role.MAILBOX_CLERK);
        long citizenId = TestAccounts.citizen(app, "xss_citizen");
        // A display name is checked at registration; written here directly, it stands for any name
        // that reached the table (an import, an older rule) and must still be shown as text.
        app.getBean(DatabaseClient.class).sql("UPDATE app_user SET display_name = :n WHERE id = :id")
                .bind("n", "<img src=x onerror=window.__xss=99>").bind("id", citizenId).then()
                .block(Duration.ofSeconds(5));
        PortalClient moderator = login("xss_mod");
        PortalClient official = login("xss_off");
        PortalClient clerk = login("xss_clerk");
        PortalClient citizen = login("xss_citizen");
        List<String> stored = new ArrayList<>();

        Instant startsAt = Instant.now().plusSeconds(3600);
        long session = FuzzWorld.json(moderator.post("/api/inquiry/sessions", Map.of("title", "<svg onload=window.__xss=98>访谈",
                "description", XssCorpus.PAYLOADS.get(0), "departmentId", hrss, "startsAt", startsAt.toString(),
                "endsAt", startsAt.plusSeconds(7200).toString(), "officialIds", List.of(off), "moderatorIds", List.of(mod)))
                .expectStatus().isCreated()).path("id").asLong();
        moderator.post("/api/inquiry/sessions/" + session + "/start", Map.of()).expectStatus().isOk();
        for (int from = 0; from < XssCorpus.PAYLOADS.size(); from += 6) {
            var asked = citizen.post("/api/inquiry/sessions/" + session + "/questions",
                    Map.of("text", XssCorpus.joined("请问：", from, from + 6), "anonymous", false)).expectBody().returnResult();
            if (asked.getStatus().value() == 201) {
                long q = HostileValues.JSON.readTree(asked.getResponseBodyContent()).path("id").asLong();
                moderator.post("/api/inquiry/questions/" + q + "/approve", Map.of()).expectStatus().isOk();
                official.post("/api/inquiry/questions/" + q + "/answers", Map.of("text", XssCorpus.joined("答复：", from, from + 6)))
                        .expectStatus().isCreated();
                stored.add("question " + from);
            }
        }

        String letter = HostileValues.JSON.writeValueAsString(Map.of("mailbox", "mayor", "kind", "suggestion",
                "title", "<script>window.__xss=97</script>", "body", XssCorpus.joined("建议：", 0, 24), "location", "<b>市南区</b>",
                "consentToPublish", true, "contactPreference", "sms"));
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("letter", letter, MediaType.APPLICATION_JSON);
        long letterId = FuzzWorld.json(citizen.http().post().uri("/api/mailbox/letters").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build())).exchange().expectStatus().isCreated()).path("id").asLong();
        clerk.post("/api/mailbox/cases/" + letterId + "/accept", Map.of()).expectStatus().isOk();
        clerk.post("/api/mailbox/cases/" + letterId + "/dispatch", Map.of("leadDepartmentId", hrss, "cohandlerIds", List.of(),
                "note", XssCorpus.PAYLOADS.get(3))).expectStatus().isOk();
        official.post("/api/mailbox/cases/" + letterId + "/reply", Map.of("text", XssCorpus.joined("答复：", 0, 24))).expectStatus().isOk();
        official.post("/api/mailbox/cases/" + letterId + "/publish", Map.of()).expectStatus().isOk();

        Instant opens = Instant.now().plus(Duration.ofHours(1));
        long consultation = FuzzWorld.json(official.post("/api/consultations", Map.of("title", "<img src=x onerror=window.__xss=96>办法",
                "summary", XssCorpus.PAYLOADS.get(4), "text", XssCorpus.joined("第一条", 0, 24), "opensAt", opens.toString(),
                "closesAt", opens.plus(Duration.ofDays(10)).toString())).expectStatus().isCreated()).path("id").asLong();
        app.getBean(DatabaseClient.class).sql("UPDATE consultation SET opens_at = now() - interval '1 hour' WHERE id = :id")
                .bind("id", consultation).then().block(Duration.ofSeconds(5));
        long comment = FuzzWorld.json(citizen.post("/api/consultations/" + consultation + "/comments",
                Map.of("text", XssCorpus.joined("意见：", 0, 12), "anonymous", false)).expectStatus().isCreated()).path("id").asLong();
        official.post("/api/consultations/comments/" + comment + "/approve", Map.of()).expectStatus().isOk();

        long document = FuzzWorld.json(official.post("/api/disclosure/manage/documents", Map.of("title", "<script>window.__xss=95</script>通知",
                "category", "normative", "docNumber", "<b>青</b>〔2026〕1号", "topic", "就业", "publishedOn", LocalDate.now().toString(),
                "validity", "valid", "body", "<p>正文</p>" + String.join("<br>", XssCorpus.PAYLOADS), "relatedIds", List.of()))
                .expectStatus().isCreated()).path("id").asLong();

        try (Browser anonymous = Browser.open(port); Browser staff = Browser.open(port)) {
            watch(anonymous);
            watch(staff);
            staff.go("/login.html");
            staff.type("#username", "xss_clerk").type("#password", TestAccounts.PASSWORD).click("#login-submit");
            staff.waitUntil(d -> staff.find("#account-name").getText().equals("xss_clerk"));
            assertClean(anonymous, "/inquiry/session.html?id=" + session, "window.__xss=1");
            assertClean(anonymous, "/mailbox/published-letter.html?id=" + letterId, "window.__xss=2");
            assertClean(staff, "/mailbox/case.html?id=" + letterId, "window.__xss=3");
            assertClean(anonymous, "/consultations/detail.html?id=" + consultation, "window.__xss=1");
            assertClean(anonymous, "/disclosure/document.html?id=" + document, "通知");
        }
        assertThat(stored).as("questions stored with payloads").isNotEmpty();
    }

    private PortalClient login(String username) {
        return new PortalClient(port).login(username, TestAccounts.PASSWORD).withCsrf();
    }

    private static void watch(Browser browser) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    }

    /** Opens the page, waits until the payload shows as text, then lets any handler run and checks the sentinels. */
    private static void assertClean(Browser browser, String path, String visibleText) {
        browser.go(path);
        browser.waitUntil(d -> String.valueOf(((JavascriptExecutor) d).executeScript("return document.body.innerText"))
                .contains(visibleText));
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String result = String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(CHECK));
        System.out.println("XSS check " + path + ": " + result);
        assertThat(result).as(path).isEqualTo("{\"xss\":null,\"alerts\":0,\"csp\":[],\"sentinel\":[]}");
    }
}
