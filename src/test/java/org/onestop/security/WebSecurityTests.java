package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.live.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The browser-facing defences, over real HTTP: security headers on every page, HSTS over TLS,
 * session fixation, CSRF on every cookie-authenticated write, and cross-site WebSocket hijacking.
 */
@PortalTest
class WebSecurityTests {

    /** The writes that need no CSRF token, because their callers are systems holding a key, not browsers. */
    static final List<String> CSRF_EXEMPT = List.of("/open311/", "/api/3/action/");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style\\b|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

    @Autowired
    ApplicationContext app;

    @LocalServerPort
    int port;

    @Test
    void everyPageCarriesStrictCspFrameDenialReferrerPolicyAndNosniffAndHasNoInlineCode() throws IOException {
        List<String> pages;
        try (Stream<Path> files = Files.walk(Path.of("frontend-static"))) {
            pages = files.filter(f -> f.toString().endsWith(".html")).map(f -> "/" + Path.of("frontend-static").relativize(f)
                    .toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThan(10);
        PortalClient browser = new PortalClient(port);
        for (String page : pages) {
            var response = browser.get(page).expectStatus().isOk().expectBody(String.class).returnResult();
            var headers = response.getResponseHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).as(page)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                            "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(headers.getFirst("X-Frame-Options")).as(page).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).as(page).isEqualTo("strict-origin-when-cross-origin");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
            assertThat(headers.getFirst("Strict-Transport-Security")).as(page + " over plain HTTP").isNull();
            String html = response.getResponseBody();
            assertThat(INLINE_SCRIPT.matcher(html).find()).as(page + " has an inline script").isFalse();
            assertThat(INLINE_STYLE.matcher(html).find()).as(page + " has inline style or event handler").isFalse();
        }
        System.out.printf("Security headers checked on %d pages%n", pages.size());
    }

    @Test
    void apiAnswersCarryNosniffAndNoCaching() {
        new PortalClient(port).get("/api/departments").expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Cache-Control", c -> assertThat(c).contains("no-store"));
    }

    /**
     * HSTS is sent only on requests that arrived over TLS: sent over plain HTTP it would be ignored
     * by browsers, and it must never be sent by a development server on http://localhost. Behind a
     * TLS-terminating proxy, operators set server.forward-headers-strategy=framework (and make the
     * proxy overwrite X-Forwarded-*), so that "X-Forwarded-Proto: https" counts as TLS; the portal does
     * not trust those headers by default, or any client could spoof its address to the login throttle.
     */
    @Test
    void hstsIsSentOverTlsOnlyForAYearWithSubdomains() {
        WebTestClient tls = WebTestClient.bindToApplicationContext(app).configureClient().baseUrl("https://portal.example").build();
        tls.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        WebTestClient plain = WebTestClient.bindToApplicationContext(app).configureClient().baseUrl("http://portal.example").build();
        plain.get().uri("/").exchange().expectStatus().isOk().expectHeader().doesNotExist("Strict-Transport-Security");
        plain.get().uri("/").header("X-Forwarded-Proto", "https").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void signingInOverAnExistingSessionGivesANewSessionIdAndTheOldOneDies() {
        TestAccounts.citizen(app, "ws_first");
        TestAccounts.citizen(app, "ws_second");
        PortalClient browser = new PortalClient(port).login("ws_first", TestAccounts.PASSWORD);
        String first = browser.cookies().get("SESSION");
        browser.login("ws_second", TestAccounts.PASSWORD);
        String second = browser.cookies().get("SESSION");
        assertThat(second).isNotNull().isNotEqualTo(first);
        browser.get("/api/me").expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("ws_second");
        // Whoever kept the first id (a planted or stolen cookie) holds nothing any more.
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get().uri("/api/me")
                .cookie("SESSION", first).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        TestAccounts.citizen(app, "ws_cookie");
        PortalClient browser = new PortalClient(port).withCsrf();
        browser.http().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-XSRF-TOKEN", browser.cookies().get("XSRF-TOKEN")).cookie("XSRF-TOKEN", browser.cookies().get("XSRF-TOKEN"))
                .bodyValue(Map.of("username", "ws_cookie", "password", TestAccounts.PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectCookie().httpOnly("SESSION", true)
                .expectCookie().sameSite("SESSION", "Lax");
    }

    /** Every write route of the application, except the documented exemptions, refuses a signed-in write without the token. */
    @Test
    void everyCookieAuthenticatedWriteWithoutCsrfTokenIsRefused() {
        TestAccounts.staff(app, "ws_admin", null, Role.ADMIN);
        PortalClient admin = new PortalClient(port).login("ws_admin", TestAccounts.PASSWORD);
        List<String> accepted = new ArrayList<>();
        int checked = 0;
        for (RouteList.Route route : RouteList.of(app)) {
            if (!route.writes() || CSRF_EXEMPT.stream().anyMatch(route.pattern()::startsWith)) {
                continue;
            }
            String path = route.pattern().replaceAll("\\{[^}]+}", "1");
            for (String token : new String[] {null, "forged-token"}) {
                var request = admin.http().method(HttpMethod.valueOf(route.method())).uri(path)
                        .header("X-XSRF-TOKEN", token == null ? "" : token).contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
                var result = request.exchange().expectBody(String.class).returnResult();
                checked++;
                if (result.getStatus().value() != 403 || !String.valueOf(result.getResponseBody()).contains("urn:onestop:problem:csrf")) {
                    accepted.add(route.key() + " with token " + token + " -> " + result.getStatus());
                }
            }
        }
        System.out.printf("CSRF: %d write requests without a valid token, all refused%n", checked);
        assertThat(checked).isGreaterThan(100);
        assertThat(accepted).as("writes answered without a valid CSRF token").isEmpty();
        // The token the browser holds is accepted, so the refusals above were about the token.
        admin.post("/api/auth/logout", Map.of()).expectStatus().isNoContent();
    }

    @Test
    void csrfExemptionsAreOnlyTheKeyAuthenticatedMachineInterfaces() {
        for (RouteList.Route route : RouteList.of(app)) {
            if (route.writes() && CSRF_EXEMPT.stream().anyMatch(route.pattern()::startsWith)) {
                assertThat(route.pattern()).as("an exempt write").matches("/open311/v2/requests\\..*|/api/3/action/.*");
            }
        }
        // An Open311 write without a token is not refused for CSRF: it is judged by its api_key.
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().post().uri("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("service_code=x").exchange()
                .expectStatus().isForbidden().expectBody(String.class).value(b -> assertThat(b).doesNotContain("csrf"));
    }

    @Test
    void signedInBrowserOnAForeignSiteCannotOpenTheSocket() {
        long id = TestAccounts.citizen(app, "ws_victim");
        PortalClient victim = new PortalClient(port).login("ws_victim", TestAccounts.PASSWORD);
        for (String origin : List.of("https://evil.example", "http://localhost:" + (port + 1), "https://localhost:" + port,
                "http://localhost:" + port + ".evil.example", "null")) {
            assertThatThrownBy(() -> WsClient.connect(port, victim.cookies(), origin).close()).as(origin)
                    .hasStackTraceContaining("403");
        }
        try (WsClient same = WsClient.connect(port, victim.cookies(), "http://localhost:" + port)) {
            assertThat(same.join("user:" + id, null).path("status").asString()).isEqualTo("ok");
        }
    }
}
