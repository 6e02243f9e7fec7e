package io.callbook.testsupport;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The system's Chromium (Debian's chromium and chromium-driver packages, which .ci/run installs where it can) for
 * browser tests. A test installs nothing: without them it is skipped with a message saying what to install.
 */
public final class HeadlessChromium {

    // Debian's paths; -Dcallbook.test.chromium / -Dcallbook.test.chromedriver name others.
    private static final List<Path> CHROMIUM = candidates("callbook.test.chromium", "/usr/bin/chromium",
            "/usr/bin/chromium-browser");
    private static final List<Path> DRIVER = candidates("callbook.test.chromedriver", "/usr/bin/chromedriver",
            "/usr/lib/chromium/chromedriver");

    private HeadlessChromium() {
    }

    /** Call from a @BeforeEach (a skipped class-level assumption is reported as no test at all). */
    public static WebDriver startOrSkip() {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        Path driver = DRIVER.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(chromium != null && driver != null, "Skipped: the browser test needs Chromium and its driver "
                + "(Debian: apt-get install -y chromium chromium-driver); looked for " + CHROMIUM + " and " + DRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1400,2200");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /** Pastes the token into the dashboard's sign-in form: typing 1 KiB key by key is slow. */
    public static void signIn(WebDriver browser, String token) {
        WebElement field = browser.findElement(org.openqa.selenium.By.id("token"));
        field.clear();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, token);
        browser.findElement(org.openqa.selenium.By.id("login")).click();
    }

    /** The number of data points the dashboard says an element (a chart, or body for all) shows. */
    public static int points(WebDriver browser, String selector) {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? Number(e.dataset.points || 0) : 0;", selector);
        return ((Number) value).intValue();
    }

    private static List<Path> candidates(String property, String... debian) {
        String configured = System.getProperty(property);
        return configured != null ? List.of(Path.of(configured)) : Arrays.stream(debian).map(Path::of).toList();
    }
}
