package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onestop.Identities;
import org.onestop.PortalTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A citizen's first visit in real Chromium: register, sign in, be greeted by name. */
@PortalTest
class RegistrationJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void citizenRegistersLogsInAndSeesDisplayNameOnHomePage() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/register.html");
            assertThat(browser.seriousAxeViolations()).as("registration page accessibility").isEmpty();

            String id = Identities.idNumber();
            browser.type("#username", "chen_jing")
                    .type("#password", "Fushan#Bay2026")
                    .type("#displayName", "陈静")
                    .type("#realName", "陈静")
                    .type("#idNumber", Identities.withWrongCheck(id))
                    .type("#mobile", Identities.mobile())
                    .click("#register-submit");
            // The server's field error from problem+json appears under the field it concerns.
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("idNumber-error")));
            assertThat(browser.find("#idNumber-error").getText()).contains("校验位");
            assertThat(browser.find("#idNumber").getAttribute("aria-invalid")).isEqualTo("true");

            browser.type("#idNumber", id).click("#register-submit");
            browser.waitUntil(ExpectedConditions.urlContains("/login.html?registered=1"));

            browser.type("#username", "chen_jing").type("#password", "Fushan#Bay2026").click("#login-submit");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), "陈静"));
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.seriousAxeViolations()).as("home page accessibility, signed in").isEmpty();
        }
    }

    @Test
    void homePageIsAccessibleAndSwitchesToEnglish() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/");
            browser.find("#account-login");
            assertThat(browser.seriousAxeViolations()).as("home page accessibility").isEmpty();
            browser.click("#lang-toggle");
            browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertThat(browser.find("#lang-toggle").getText()).isEqualTo("中文");
            assertThat(browser.seriousAxeViolations()).as("home page accessibility in English").isEmpty();
        }
    }
}
