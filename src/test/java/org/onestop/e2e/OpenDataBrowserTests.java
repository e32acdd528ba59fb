package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.opendata.demo.DemoSet;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Open data in real Chromium: a citizen finds a dataset in the catalogue, previews its first rows
 * with the chart, creates an API key, calls datastore_search with it, and asks a department for
 * data not yet open. Axe runs on each page.
 */
@PortalTest
class OpenDataBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void citizenFindsDatasetPreviewsItCreatesKeyQueriesDatastoreWithItAndRequestsData() {
        DemoSet.load(app, 14, 300);
        TestAccounts.citizen(app, "e2e_od_citizen");
        try (Browser browser = Browser.open(port)) {
            browser.go("/login.html");
            browser.type("#username", "e2e_od_citizen").type("#password", TestAccounts.PASSWORD).click("#login-submit");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), "网友e2e_od_citizen"));

            browser.go("/opendata/");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "共 14 个数据集"));
            browser.type("#q", "空气质量").click("#search-form button[type=submit]");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "共 1 个数据集"));
            assertNoSeriousViolations(browser, "catalogue");
            browser.click("#results a");

            browser.waitUntil(ExpectedConditions.textToBe(By.id("title"), "全市空气质量小时监测数据"));
            browser.waitUntil(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#preview tbody tr"), 99));
            assertThat(browser.find("#preview caption").getText()).contains("共 300 行");
            assertThat(browser.driver().findElements(By.cssSelector("#chart svg rect"))).hasSize(100);
            assertThat(browser.find("#quality-total").getText()).contains("分");
            String example = browser.find("#examples").getText();
            assertThat(example).contains("/api/3/action/datastore_search?resource_id=");
            String resourceId = example.replaceAll("(?s).*resource_id=(\\d+).*", "$1");
            assertNoSeriousViolations(browser, "dataset");

            browser.go("/opendata/keys.html");
            browser.find("#keys-area:not([hidden])");
            browser.type("#key-name", "浏览器测试").click("#create");
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("created")));
            String secret = browser.find("#secret").getText();
            assertThat(secret).startsWith("od_");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("keys-body"), "浏览器测试"));
            assertNoSeriousViolations(browser, "keys");

            Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/api/3/action/datastore_search?resource_id=' + arguments[0] + '&limit=3&sort=aqi%20desc',
                          { headers: { Authorization: arguments[1] } })
                      .then(r => r.json().then(body => done({ status: r.status, success: body.success,
                                                              records: body.result.records.length,
                                                              total: body.result.total })))
                      .catch(e => done({ error: String(e) }));""", resourceId, secret);
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) answer;
            assertThat(result).containsEntry("status", 200L).containsEntry("success", true).containsEntry("records", 3L)
                    .containsEntry("total", 300L);

            browser.go("/opendata/requests.html");
            browser.find("#request-form:not([hidden])");
            browser.waitUntil(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#department option"), 10));
            browser.type("#req-title", "公共自行车站点实时数据").type("#req-description", "用于开发出行应用。").click("#req-submit");
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("req-done")));
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("mine"), "公共自行车站点实时数据"));
            assertNoSeriousViolations(browser, "requests");
        }
    }

    private static void assertNoSeriousViolations(Browser browser, String page) {
        List<Map<String, Object>> violations = browser.seriousAxeViolations();
        assertThat(violations).as("%s page accessibility: %s", page, violations).isEmpty();
    }
}
