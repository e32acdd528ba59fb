package org.onestop.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, both from the system: nothing is
 * downloaded. In CI a missing browser fails the test; elsewhere it skips with the reason.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A fresh browser with an empty profile, or the test is skipped (outside CI) if none exists. */
    public static Browser open(int port) {
        boolean skip = Boolean.getBoolean("browser.tests.skip");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Assumptions.assumeFalse(skip && !ci, "browser tests skipped by -Dbrowser.tests.skip=true");
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && ci) {
            throw new IllegalStateException("CI must run the browser tests, but chromium/chromedriver are missing");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
        try {
            Path profile = Files.createTempDirectory("onestop-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // As root in a container, and with no network but loopback: no sandbox, no background traffic.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    "--user-data-dir=" + profile, "--lang=zh-CN");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, "http://localhost:" + port, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public Browser type(String css, String text) {
        WebElement field = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Runs axe-core (from its WebJar) on the current page and returns its violations. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> axeViolations() {
        ((JavascriptExecutor) driver).executeScript(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).join(' | ')}))))
                   .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: ''}]));
                """);
        return (List<Map<String, Object>>) result;
    }

    /** Violations that axe rates serious or critical. */
    public List<Map<String, Object>> seriousAxeViolations() {
        return axeViolations().stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
    }

    private static String axeSource() {
        String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe.version", "4.6.3") + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core WebJar not on the test classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile is harmless.
        }
    }
}
