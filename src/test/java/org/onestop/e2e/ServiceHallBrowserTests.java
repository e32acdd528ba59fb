package org.onestop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.Identities;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.account.identity.CreditCode;
import org.onestop.account.identity.ResidentIdNumber;
import org.onestop.security.Role;
import org.onestop.servicehall.TestCatalogue;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The online service hall in real Chromium: finding a service in the catalogue by its filters and
 * reading its guide; the form engine's checks run in the browser against the server's own
 * validators; and the whole application journey (guarded until the applications API is there).
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceHallBrowserTests {

    private static final String SCHOOL_TRANSFER = "普通高中转学";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private TestCatalogue.Loaded catalogue;

    @BeforeAll
    void catalogue() {
        catalogue = TestCatalogue.load(app, 600);
    }

    @Test
    void findsServiceByFiltersKeepsSearchInAddressAndShowsItsGuideWithOnlineApplyButton() {
        TestCatalogue.Service transfer = catalogue.education(SCHOOL_TRANSFER);
        try (Browser browser = Browser.open(port)) {
            browser.go("/servicehall/");
            browser.find("#service-list li[data-code]");
            assertThat(browser.find("#list-status").getText()).isEqualTo("共找到 " + catalogue.total() + " 项事项");
            String rate = "%.1f%%".formatted(100.0 * catalogue.fullyOnline() / catalogue.total()).replace(".0%", "%");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("online-rate"), rate));
            assertThat(browser.find("#stats-detail").getText())
                    .isEqualTo("共 " + catalogue.total() + " 项政务服务事项，其中全程网办 " + catalogue.fullyOnline() + " 项");
            assertNoSeriousViolations(browser, "catalogue");

            browser.click("#next-page");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("page-info"), "第 2 / " + pages(catalogue.total()) + " 页"));
            assertThat(browser.path()).isEqualTo("/servicehall/?page=1");

            WebElement education = browser.find("#filter-department option[value=\"EDU\"]");
            long educationCount = Long.parseLong(education.getDomAttribute("data-count"));
            String educationName = education.getText().replaceAll("（\\d+）$", "");
            new Select(browser.find("#filter-department")).selectByValue("EDU");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("list-status"), "共找到 " + educationCount + " 项事项"));
            assertThat(browser.path()).isEqualTo("/servicehall/?department=EDU");
            assertThat(browser.driver().findElements(By.cssSelector("#service-list .sh-dept")))
                    .isNotEmpty().allSatisfy(d -> assertThat(d.getText()).isEqualTo(educationName));

            browser.click("#filter-online");
            browser.waitUntil(d -> browser.path().equals("/servicehall/?department=EDU&online=true"));
            listed(browser);
            browser.find("#service-list li[data-code=\"" + transfer.code() + "\"]");
            assertThat(browser.driver().findElements(By.cssSelector("#service-list li[data-code]")))
                    .allSatisfy(li -> assertThat(li.findElement(By.cssSelector(".sh-badges")).getText()).contains("全程网办"));

            browser.driver().navigate().refresh();
            listed(browser);
            browser.find("#service-list li[data-code=\"" + transfer.code() + "\"]");
            assertThat(new Select(browser.find("#filter-department")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("EDU");
            assertThat(browser.find("#filter-online").isSelected()).isTrue();

            browser.click("#service-list li[data-code=\"" + transfer.code() + "\"] .card-title a");
            browser.waitUntil(ExpectedConditions.textToBe(By.id("service-name"), SCHOOL_TRANSFER));
            assertThat(browser.find("#facts").getText()).contains(transfer.code(), "法定办结时限", transfer.statutoryDays() + " 个工作日");
            assertThat(browser.driver().findElements(By.cssSelector("#material-rows th")))
                    .extracting(WebElement::getText).containsExactlyElementsOf(transfer.materials());
            assertThat(browser.find("#legal-basis").getText()).contains("《中华人民共和国教育法》");
            assertThat(browser.find("#steps li").getText()).contains("网上申请");
            assertThat(browser.find("#apply-button").getDomAttribute("href"))
                    .isEqualTo("/servicehall/apply.html?service=" + transfer.code());
            assertThat(browser.find("#apply-button").isDisplayed()).isTrue();
            assertNoSeriousViolations(browser, "guide");

            browser.click("#back-link");
            browser.waitUntil(d -> browser.path().equals("/servicehall/?department=EDU&online=true"));
            listed(browser);
            browser.find("#service-list li[data-code=\"" + transfer.code() + "\"]");
        }
    }

    @Test
    void findsServicesByKeywordAndKeepsKeywordInAddress() {
        TestCatalogue.Service transfer = catalogue.education(SCHOOL_TRANSFER);
        try (Browser browser = Browser.open(port)) {
            browser.go("/servicehall/");
            listed(browser);
            browser.type("#q", "高中转学").click("#filter-submit");
            browser.waitUntil(d -> browser.path().startsWith("/servicehall/?q="));
            listed(browser);
            browser.find("#service-list li[data-code=\"" + transfer.code() + "\"]");
            assertThat(browser.driver().findElements(By.cssSelector("#service-list li[data-code]")).size())
                    .isLessThan(catalogue.total());

            browser.driver().navigate().refresh();
            listed(browser);
            assertThat(browser.find("#q").getDomProperty("value")).isEqualTo("高中转学");
            browser.find("#service-list li[data-code=\"" + transfer.code() + "\"]");
        }
    }

    @Test
    void guideOfServiceNeedingVisitShowsNoApplyButtonAndUnknownCodeSaysNotFound() {
        TestCatalogue.Service visit = catalogue.educationCity().stream().filter(s -> !s.fullyOnline()).findFirst().orElseThrow();
        try (Browser browser = Browser.open(port)) {
            browser.go("/servicehall/service.html?code=" + visit.code());
            browser.waitUntil(ExpectedConditions.textToBe(By.id("service-name"), visit.nameZh()));
            assertThat(browser.find("#apply-button").isDisplayed()).isFalse();
            assertThat(browser.find("#apply-note").getText()).startsWith("本事项暂不能全程网办");

            browser.go("/servicehall/service.html?code=370200-NONE-0001");
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("guide-error")));
            assertThat(browser.find("#guide-error").getText()).isEqualTo("未找到该事项，可能地址有误或事项已调整。");
        }
    }

    /** Runs the engine's rules in Chromium and compares them with the server's validators on the same inputs. */
    @Test
    void engineChecksIdNumbersAndCreditCodesExactlyAsServerValidatorsDo() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String valid = Identities.idNumber();
        List<String> ids = List.of(valid, Identities.withWrongCheck(valid), "11010519491231002X", "11010519491231002x",
                "110105194912310021", "990105194912310020", "370202" + today.plusDays(1).toString().replace("-", "") + "0012",
                "370202190002290012", "37020219800101001", "3702021980010100A1");
        String code = Identities.creditCode();
        List<String> codes = List.of(code, code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'), code.toLowerCase(),
                "91350100M000100Y43", "91350100M000100Y4", "9135010OM000100Y43", "91A50100M000100Y43");
        try (Browser browser = Browser.open(port)) {
            browser.go("/servicehall/");
            browser.find("#service-list li[data-code]");
            @SuppressWarnings("unchecked")
            Map<String, List<Boolean>> result = (Map<String, List<Boolean>>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const [ids, codes, today, done] = arguments;
                    import('/js/form-engine-rules.js').then((r) => done({
                      ids: ids.map((n) => r.isValidIdNumber(n, today)),
                      codes: codes.map((c) => r.isValidCreditCode(c)),
                    })).catch((e) => done({error: [String(e)]}));
                    """, ids, codes, today.toString());
            assertThat(result).doesNotContainKey("error");
            assertThat(result.get("ids")).containsExactlyElementsOf(ids.stream()
                    .map(n -> ResidentIdNumber.check(n, today).isEmpty()).toList());
            assertThat(result.get("ids")).contains(true, false);
            assertThat(result.get("codes")).containsExactlyElementsOf(codes.stream()
                    .map(c -> CreditCode.check(c).isEmpty()).toList());
            assertThat(result.get("codes")).contains(true, false);
        }
    }

    /** Visibility, dropping of hidden values, required rules and a Java pattern, on a definition in the contract's form. */
    @Test
    @SuppressWarnings("unchecked")
    void engineHidesConditionalFieldsDropsTheirValuesAndReportsEachRule() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/servicehall/");
            browser.find("#service-list li[data-code]");
            Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const def = {
                      fields: [
                        {name: 'studentName', type: 'text', required: true, pattern: '^[\\\\p{IsHan}·]{2,20}$'},
                        {name: 'hasGuardian', type: 'checkbox'},
                        {name: 'guardianMobile', type: 'mobile', required: true, visibleWhen: {field: 'hasGuardian', equals: true}},
                        {name: 'grade', type: 'select', required: true, options: [{value: 'g10'}, {value: 'g11'}]},
                        {name: 'reason', type: 'textarea', maxLength: 5, visibleWhen: {field: 'grade', in: ['g11']}},
                        {name: 'age', type: 'number', integer: true, min: 14, max: 20},
                        {name: 'agree', type: 'checkbox', required: true}
                      ],
                      materials: [
                        {code: 'cert', required: true, types: ['pdf', 'png'], maxBytes: 10},
                        {code: 'guardianId', required: true, types: ['pdf'], visibleWhen: {field: 'hasGuardian', equals: true}}
                      ]
                    };
                    import('/js/form-engine-rules.js').then((r) => {
                      const codes = (data, uploaded) => r.validateData(def, data, {uploaded: new Set(uploaded)})
                        .map((p) => (p.field || p.material) + ':' + p.code);
                      done({
                        hidden: codes({studentName: '张三', grade: 'g10', agree: true, guardianMobile: 'x', reason: 'too long text'}, ['cert']),
                        shown: codes({studentName: 'Zhang', hasGuardian: true, guardianMobile: '12345678901', grade: 'g11',
                                      reason: '超过五个字的理由', age: 14.5}, []),
                        draft: r.validateData(def, {studentName: '张', age: 30}, {requireAll: false}).map((p) => p.field + ':' + p.code),
                        kept: Object.keys(r.visibleData(def, {studentName: '张三', guardianMobile: '13912345678', grade: 'g10', reason: ''})),
                        tooBig: r.fileProblem(def.materials[0], {name: 'a.pdf', size: 11, type: 'application/pdf'}).code,
                        wrongType: r.fileProblem(def.materials[0], {name: 'a.exe', size: 5, type: ''}).code,
                        fine: r.fileProblem(def.materials[0], {name: 'A.PNG', size: 5, type: 'image/png'})
                      });
                    }).catch((e) => done({error: String(e)}));
                    """);
            assertThat(result).doesNotContainKey("error");
            assertThat((List<Object>) result.get("hidden")).isEmpty();
            assertThat((List<Object>) result.get("shown")).containsExactly("studentName:pattern", "guardianMobile:mobile",
                    "reason:maxLength", "age:integer", "agree:requiredCheck", "cert:materialRequired", "guardianId:materialRequired");
            assertThat((List<Object>) result.get("draft")).containsExactly("studentName:pattern", "age:max");
            assertThat((List<Object>) result.get("kept")).containsExactly("studentName", "grade");
            assertThat(result.get("tooBig")).isEqualTo("fileSize");
            assertThat(result.get("wrongType")).isEqualTo("fileType");
            assertThat(result.get("fine")).isNull();
        }
    }

    /** The whole journey on the school-transfer form. */
    @Test
    void citizenFindsServiceAndAppliesWithUploadsThenOfficialApprovesThenCitizenSeesItApproved() throws IOException {
        TestCatalogue.Service transfer = catalogue.education(SCHOOL_TRANSFER);
        TestAccounts.citizen(app, "e2e_sh_citizen");
        TestAccounts.staff(app, "e2e_sh_edu", "EDU", Role.OFFICIAL);
        Path pdf = Files.createTempFile("transfer-out", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        String student = Identities.idNumber();

        try (Browser citizen = Browser.open(port); Browser official = Browser.open(port)) {
            login(citizen, "e2e_sh_citizen", "网友e2e_sh_citizen");
            citizen.go("/servicehall/?department=EDU&online=true");
            citizen.click("#service-list li[data-code=\"" + transfer.code() + "\"] .card-title a");
            citizen.click("#apply-button");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("apply-form")));
            assertThat(citizen.find("#apply-title").getText()).isEqualTo(SCHOOL_TRANSFER);
            assertThat(citizen.find("[data-field=\"newAddress\"]").isDisplayed()).isFalse();
            assertThat(citizen.find("[data-material=\"household\"]").isDisplayed()).isFalse();
            assertNoSeriousViolations(citizen, "apply");

            citizen.click("#submit-button");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
            assertThat(citizen.find("#form-errors").getText()).contains("学生姓名：请填写此项", "转出学校同意转学证明：请上传此材料");
            assertThat(citizen.find("#fe-studentName").getDomAttribute("aria-invalid")).isEqualTo("true");

            citizen.type("#fe-studentName", "张小明");
            assertThat(citizen.find("#fe-studentName").getDomAttribute("aria-invalid")).isNull();
            citizen.type("#fe-studentIdNumber", Identities.withWrongCheck(student));
            citizen.click("#save-button");
            citizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("fe-studentIdNumber-error"), "身份证号码不正确"));
            assertThat(citizen.path()).as("a draft with a wrong value is not saved").startsWith("/servicehall/apply.html?service=");
            citizen.type("#fe-studentIdNumber", student);
            citizen.click("#fe-gender");
            citizen.type("#fe-studentNumber", "G" + student);
            new Select(citizen.find("#fe-grade")).selectByValue("g10");
            citizen.type("#fe-guardianName", "张大明");
            new Select(citizen.find("#fe-guardianRelation")).selectByValue("father");
            citizen.type("#fe-guardianIdNumber", Identities.idNumber());
            citizen.type("#fe-guardianMobile", "13912345678");
            citizen.type("#fe-fromSchool", "青岛第二中学");
            citizen.type("#fe-toSchool", "青岛第五十八中学");
            new Select(citizen.find("#fe-toDistrict")).selectByValue("370202");
            setDate(citizen, "#fe-transferDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7));
            citizen.click("label[for=\"fe-reason\"]");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("fe-newAddress")));
            assertThat(citizen.find("[data-material=\"household\"]").isDisplayed()).isTrue();
            citizen.type("#fe-newAddress", "市南区香港中路100号");
            citizen.click("#fe-declaration");

            citizen.click("#save-button");
            citizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "草稿已于"));
            assertThat(citizen.path()).startsWith("/servicehall/apply.html?id=");
            long id = Long.parseLong(citizen.path().substring(citizen.path().indexOf("id=") + 3));

            for (String material : List.of("transfer-out", "transfer-in", "student-record", "household")) {
                citizen.find("#fe-material-" + material).sendKeys(pdf.toString());
                citizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[data-files-for=\"" + material + "\"]"), pdf.getFileName().toString()));
            }
            assertNoSeriousViolations(citizen, "apply filled");
            citizen.click("#submit-button");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
            String number = citizen.find("#receipt-number").getText();
            assertThat(number).startsWith("SQ");
            assertNoSeriousViolations(citizen, "receipt");

            login(official, "e2e_sh_edu", "e2e_sh_edu");
            official.go("/servicehall/review.html");
            official.find("#queue-rows tr[data-application-id=\"" + id + "\"]");
            assertThat(official.find("#queue-rows tr[data-application-id=\"" + id + "\"]").getText()).contains(number, "已提交");
            assertNoSeriousViolations(official, "review queue");
            official.click("#queue-rows tr[data-application-id=\"" + id + "\"] a");
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("accept-button")));
            assertThat(official.find("#app-answers").getText()).contains("张小明", "随父母工作调动迁居");
            assertThat(official.driver().findElements(By.cssSelector("#app-materials li"))).hasSize(4);
            assertNoSeriousViolations(official, "review application");
            official.click("#accept-button");
            official.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("approve-button")));
            official.find("#decision-note").sendKeys("材料齐全，同意转学。");
            official.click("#approve-button");
            official.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("app-status"), "审批通过"));

            citizen.go("/servicehall/mine.html");
            citizen.find("#application-list li[data-application-id=\"" + id + "\"]");
            assertThat(citizen.find("#application-list li[data-application-id=\"" + id + "\"] .sh-status").getText())
                    .isEqualTo("审批通过");
            assertNoSeriousViolations(citizen, "mine");
            citizen.click("#application-list li[data-application-id=\"" + id + "\"] .card-title a");
            citizen.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("application")));
            assertThat(citizen.driver().findElements(By.cssSelector("#app-timeline .timeline-entry")))
                    .extracting(e -> e.getDomAttribute("data-status")).containsSubsequence("submitted", "accepted", "approved");
            assertThat(citizen.find("#app-timeline").getText()).contains("材料齐全，同意转学。");
            assertThat(citizen.find("#receipt-facts").getText()).contains(number);
            assertNoSeriousViolations(citizen, "application");

            // My Government gathers it with everything else the citizen has with the city.
            citizen.go("/me/");
            citizen.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("application-list"), number));
            assertThat(citizen.find("#application-list").getText()).contains("普通高中转学", "审批通过");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    private static void setDate(Browser browser, String css, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "const e = document.querySelector(arguments[0]); e.value = arguments[1];"
                        + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                css, date.toString());
    }

    private static void login(Browser browser, String username, String displayName) {
        browser.go("/login.html");
        browser.type("#username", username).type("#password", TestAccounts.PASSWORD).click("#login-submit");
        browser.waitUntil(ExpectedConditions.textToBe(By.id("account-name"), displayName));
    }

    /** Waits until the catalogue shows the answer to the search now in the address (it is busy while asking). */
    private static void listed(Browser browser) {
        browser.find("#service-list[aria-busy=\"false\"]");
    }

    private static int pages(int total) {
        return (total + 19) / 20;
    }

    static void assertNoSeriousViolations(Browser browser, String page) {
        List<Map<String, Object>> violations = browser.seriousAxeViolations();
        assertThat(violations).as("%s page accessibility: %s", page, violations).isEmpty();
    }
}
