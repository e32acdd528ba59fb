package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.account.TestAccounts;
import org.onestop.mygov.MyGovTest;
import org.onestop.mygov.subscriptions.ScannerAccess;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * My Government in real Chromium: the citizen sees demo records labelled as such, an empty state
 * for applications, subscribes to a department's disclosure documents, and receives the
 * notification of a new document live on the page. Axe runs on the page.
 */
@MyGovTest
class MyGovernmentBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void citizenSeesDemoRecordsSubscribesAndReceivesNotificationLive() {
        TestAccounts.citizen(app, "e2e_me_citizen");
        try (Browser browser = Browser.open(port)) {
            browser.go("/login.html");
            browser.type("#username", "e2e_me_citizen").type("#password", TestAccounts.PASSWORD).click("#login-submit");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), "网友e2e_me_citizen"));

            browser.go("/me/");
            browser.find("#profile:not([hidden])");
            browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#records-body tr"), 12));
            assertThat(browser.find("#records-demo").isDisplayed()).isTrue();
            assertThat(browser.find("#records-demo").getText()).contains("演示数据 / demo data");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("applications-status"), "您还没有办事申请。"));
            browser.waitUntil(ExpectedConditions.textToBe(By.id("notifications-status"), "暂无消息。"));

            browser.find("#sub-kind option[value=\"disclosure_department\"]");
            new Select(browser.find("#sub-kind")).selectByValue("disclosure_department");
            long housing = app.getBean(DatabaseClient.class).sql("SELECT id FROM department WHERE code = 'HOUSING'")
                    .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
            new Select(browser.find("#sub-target")).selectByValue(String.valueOf(housing));
            new Select(browser.find("#sub-frequency")).selectByValue("immediate");
            browser.click("#subscription-form button[type=\"submit\"]");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("subscriptions-status"), "已添加订阅。"));
            assertThat(browser.find("#subscription-list li").getText()).contains("市住房和城乡建设局");
            List<Map<String, Object>> violations = browser.seriousAxeViolations();
            assertThat(violations).as("My Government accessibility: %s", violations).isEmpty();

            ScannerAccess.scan(app);
            app.getBean(DatabaseClient.class).sql("""
                    INSERT INTO disclosure_document (index_number, department_id, category_id, title, published_on, validity, body,
                                                     body_text, created_at, updated_at)
                    SELECT 'E2E/2026-000001', :dept, id, '保障性住房申请指南', current_date, 'valid', '<p>正文</p>', '正文', now(), now()
                    FROM disclosure_category WHERE code = 'notice-notice'""")
                    .bind("dept", housing).then().block(Duration.ofSeconds(5));
            ScannerAccess.scan(app);
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("notification-list"), "保障性住房申请指南"));
            assertThat(browser.find("#unread-badge").getText()).isEqualTo("1 条未读");
        }
    }
}
