package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.Departments;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The publishing department's open data page in real Chromium: an official publishes a dataset,
 * uploads a CSV with Chinese headers and sees its row count, records an update, replaces the file,
 * declines a citizen's dataset request and deletes the resource; the public dataset page previews
 * the rows and the public request list shows the answer. Axe runs on the page.
 */
@PortalTest
class OpenDataManageBrowserTests {

    private static final String DATASET = "hrss-insured-by-district";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @TempDir
    Path files;

    @Test
    void officialManagesDatasetResourcesAndDeclinesRequestThenPublicPagesShowRowsAndAnswer() throws IOException {
        TestAccounts.staff(app, "e2e_odm_official", "HRSS", Role.OFFICIAL);
        TestAccounts.citizen(app, "e2e_odm_citizen");
        long hrss = app.getBean(Departments.class).byCode("HRSS").block().id();
        PortalClient citizen = new PortalClient(port).login("e2e_odm_citizen", TestAccounts.PASSWORD);
        Map<?, ?> asked = citizen.post("/api/opendata/requests", Map.of("departmentId", hrss, "title", "灵活就业人员参保明细",
                "description", "希望按街道开放灵活就业人员参保明细，用于研究。")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        long request = ((Number) asked.get("id")).longValue();
        Path csv = Files.writeString(files.resolve("参保人数.csv"), "区县,参保人数,统计月份\n市南区,120000,2026-10\n市北区,150000,2026-10\n李沧区,98000,2026-10\n",
                StandardCharsets.UTF_8);
        Path ragged = Files.writeString(files.resolve("缺格.csv"), "区县,参保人数\n市南区\n", StandardCharsets.UTF_8);
        Path newer = Files.writeString(files.resolve("参保人数-11月.csv"),
                "区县,参保人数,统计月份\n市南区,121000,2026-11\n市北区,150500,2026-11\n李沧区,98200,2026-11\n崂山区,76000,2026-11\n",
                StandardCharsets.UTF_8);

        try (Browser browser = Browser.open(port)) {
            browser.go("/opendata/manage.html");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("access"), "请先登录"));
            assertThat(browser.find("#manage-area").isDisplayed()).isFalse();

            browser.go("/login.html");
            browser.type("#username", "e2e_odm_official").type("#password", TestAccounts.PASSWORD).click("#login-submit");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), "e2e_odm_official"));
            browser.go("/opendata/");
            browser.click("#manage-link a");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("datasets-status"), "本部门还没有发布数据集"));

            browser.click("#publish-open");
            browser.type("#publish-name", DATASET).click("#publish-submit");
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#publish-form .odm-errors")));
            assertThat(browser.find("#publish-title").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#publish-title-error").getText()).isNotBlank();
            assertNoSeriousViolations(browser, "manage with publishing problems");

            browser.type("#publish-title", "分区县社会保险参保人数").type("#publish-description", "按区县统计的城镇职工基本养老保险参保人数，每月更新。");
            new Select(browser.find("#publish-theme")).selectByValue("social");
            new Select(browser.find("#publish-licence")).selectByValue("cc-by-4.0");
            new Select(browser.find("#publish-frequency")).selectByValue("monthly");
            browser.type("#publish-keywords", "社保，参保").type("#publish-spatial", "全市").type("#publish-contactName", "社会保险处")
                    .type("#publish-contactEmail", "shebao@hrss.example.gov.cn").click("#publish-submit");
            browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-name=\"" + DATASET + "\"]")));
            browser.waitUntil(ExpectedConditions.attributeToBe(By.id("dataset-panel"), "data-name", DATASET));
            assertThat(browser.find("#announce").getText()).contains("分区县社会保险参保人数");
            assertThat(browser.find("tr[data-name=\"" + DATASET + "\"] td").getText()).isEqualTo("社会民生");
            // Monthly: on time now, and due a month after publishing.
            assertThat(browser.find("tr[data-name=\"" + DATASET + "\"] .odm-state").getText()).contains("按时").contains("前更新");

            browser.find("#upload-file").sendKeys(ragged.toString());
            assertThat(browser.find("#upload-name").getDomProperty("value")).isEqualTo("缺格");
            assertThat(new Select(browser.find("#upload-format")).getFirstSelectedOption().getText()).isEqualTo("CSV");
            assertThat(browser.find("#upload-datastore").isSelected()).isTrue();
            browser.click("#upload-submit");
            browser.waitUntil(ExpectedConditions.attributeToBe(By.id("upload-file"), "aria-invalid", "true"));
            assertThat(browser.find("#upload-file-error").getText()).contains("第 2 行");
            assertThat(browser.find("#upload-submit").isEnabled()).isTrue();
            assertThat(browser.find("#resource-list").getText()).contains("还没有数据资源");

            browser.find("#upload-file").sendKeys(csv.toString());
            browser.type("#upload-name", "参保人数").click("#upload-submit");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#resource-list .odm-rows"), "3 行"));
            assertThat(browser.find("#resource-list h4").getText()).isEqualTo("参保人数");
            assertNoSeriousViolations(browser, "manage with a resource");

            browser.click("tr[data-name=\"" + DATASET + "\"] button[data-action=\"update\"]");
            browser.type("#update-summary", "核对2026年10月数据").click("#update-submit");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("announce"), "已记录数据更新。"));

            browser.click("#resource-list details summary");
            browser.find("#resource-list .odm-replace input[type=file]").sendKeys(newer.toString());
            browser.find("#resource-list .odm-replace input[name=summary]").sendKeys("更新至11月");
            browser.click("#resource-list .odm-replace button[type=submit]");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#resource-list .odm-rows"), "4 行"));
            assertThat(browser.find("#announce").getText()).contains("参保人数");

            browser.type("#api-name", "参保人数查询接口").type("#api-url", "javascript:alert(1)").click("#api-submit");
            browser.waitUntil(ExpectedConditions.attributeToBe(By.id("api-url"), "aria-invalid", "true"));
            browser.find("#api-url").clear();
            browser.type("#api-url", "https://api.hrss.example.gov.cn/insured").click("#api-submit");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("resource-list"), "https://api.hrss.example.gov.cn/insured"));
            assertThat(browser.find("#resource-list li[data-resource-id]:last-child").getText()).contains("参保人数查询接口").contains("API");

            browser.go("/opendata/dataset.html?name=" + DATASET);
            browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#preview tbody tr"), 4));
            assertThat(browser.find("#preview thead").getText()).contains("区县").contains("参保人数");
            assertThat(browser.find("#preview tbody").getText()).contains("崂山区").contains("150500");
            assertThat(browser.find("main").getText()).contains("核对2026年10月数据");

            browser.go("/opendata/manage.html");
            String item = "#inbox li[data-request-id=\"" + request + "\"]";
            browser.find(item + "[data-status=\"open\"]");
            browser.click("#answer-" + request + "-status-declined");
            browser.click(item + " button[type=submit]");
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(item + " .odm-errors")));
            assertThat(browser.find("#answer-" + request + "-answer").getAttribute("aria-invalid")).isEqualTo("true");
            browser.type("#answer-" + request + "-answer", "该数据含个人信息，暂不开放；可使用分区县汇总数据集。").click(item + " button[type=submit]");
            browser.find(item + "[data-status=\"declined\"]");
            assertThat(browser.find(item).getText()).contains("不予满足").contains("该数据含个人信息");
            assertNoSeriousViolations(browser, "manage with an answered request");

            browser.click("tr[data-name=\"" + DATASET + "\"] button[data-action=\"resources\"]");
            browser.click("#resource-list button[data-action=\"delete\"]");
            browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
            browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#resource-list li[data-resource-id]"), 1));
            browser.click("#resource-list button[data-action=\"delete\"]");
            browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("resource-list"), "还没有数据资源"));

            browser.go("/opendata/requests.html");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("recent"), "该数据含个人信息，暂不开放"));
            assertThat(browser.find("#recent").getText()).contains("灵活就业人员参保明细").contains("不予满足");
        }
    }

    @Test
    void citizenOpensManagePageThenSeesNoPermission() {
        TestAccounts.citizen(app, "e2e_odm_visitor");
        try (Browser browser = Browser.open(port)) {
            browser.go("/login.html");
            browser.type("#username", "e2e_odm_visitor").type("#password", TestAccounts.PASSWORD).click("#login-submit");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), "网友e2e_odm_visitor"));
            browser.go("/opendata/");
            assertThat(browser.find("#manage-link[data-checked]").isDisplayed()).isFalse();
            browser.go("/opendata/manage.html");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("access"), "无权限"));
            assertThat(browser.find("#manage-area").isDisplayed()).isFalse();
        }
    }

    private static void assertNoSeriousViolations(Browser browser, String page) {
        List<Map<String, Object>> violations = browser.seriousAxeViolations();
        assertThat(violations).as("%s page accessibility: %s", page, violations).isEmpty();
    }
}
