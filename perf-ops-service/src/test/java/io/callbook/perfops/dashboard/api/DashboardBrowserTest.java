package io.callbook.perfops.dashboard.api;

import io.callbook.testsupport.HeadlessChromium;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.describedAs;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium, against this service's real endpoints: perf-ops watches itself
 * ({@link DashboardTestProfile}), so the charts are fed by its own metrics, and the dry run is a real run. Needs
 * Debian's chromium and chromium-driver packages (.ci/run installs them where it can); skipped without them.
 */
@QuarkusTest
@TestProfile(DashboardTestProfile.class)
class DashboardBrowserTest {

    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    private static WebDriver browser;

    @TestHTTPResource("/")
    URL dashboard;

    // Per test, not @BeforeAll: a skipped class-level assumption is reported as no test at all.
    @BeforeEach
    void chromium() {
        if (browser != null) {
            return;
        }
        browser = HeadlessChromium.startOrSkip();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void opsStaffSignInSeeLiveChartsAndRunADryRun() throws Exception {
        // The page tolerates missing endpoints; this test does not: it is about the real feed and a real run.
        for (String path : List.of("/v1/ops/metrics/history?minutes=15", "/v1/ops/reports?limit=1")) {
            given().auth().oauth2(TestTokens.ops()).get(path).then()
                    .statusCode(describedAs("GET " + path + " answering 200 (a 404: the ops endpoints are missing)", is(200)));
        }
        browser.manage().deleteAllCookies();
        browser.get(dashboard.toString());
        assertTrue(browser.findElements(By.id("charts")).isEmpty(), "no data before signing in");

        signIn(TestTokens.tenantAdmin(UUID.randomUUID()));
        // The click submits the form; the answer is a new page, which a slow machine may not have shown yet.
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.id("login-error")).isEmpty());
        assertTrue(browser.findElement(By.id("login-error")).getText().contains("tenant"),
                browser.findElement(By.id("login-error")).getText());

        signIn(TestTokens.ops());
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.id("charts")).isEmpty());
        await("charts fed with real metrics").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> points("body") > 1 && !browser.findElements(By.cssSelector("#chart-throughput canvas")).isEmpty()
                             && points("#chart-throughput") > 1 && points("#chart-latency-perf-ops") > 1);
        assertTrue(browser.findElement(By.id("services")).getText().contains("perf-ops"));

        WebElement analyze = browser.findElement(By.cssSelector("#optimize input[name=analyze]"));
        analyze.click();
        browser.findElement(By.id("dry-run")).click();
        await("the dry run's report").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(reportStatus()) && reportStatus() != null || errorShown());
        assertEquals("", visibleError(), "the run was refused");
        assertEquals("SUCCEEDED", reportStatus(), browser.findElement(By.id("run-report")).getText());
        WebElement report = browser.findElement(By.id("run-report"));
        assertTrue(!report.findElements(By.cssSelector("[data-step=analyze]")).isEmpty(), report.getText());
        assertTrue(report.getText().contains("dry run"), report.getText());
        await("the run listed among the last reports").atMost(Duration.ofSeconds(30))
                .until(() -> !browser.findElements(By.cssSelector("#reports [data-report='"
                        + report.getAttribute("data-report-id") + "']")).isEmpty());

        browser.manage().window().setSize(new Dimension(1400, 2200));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.id("logout")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.id("login-form")).isEmpty());
    }

    private void signIn(String token) {
        HeadlessChromium.signIn(browser, token);
    }

    private static int points(String selector) {
        return HeadlessChromium.points(browser, selector);
    }

    private static String reportStatus() {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "const e = document.getElementById('run-report'); return e ? (e.dataset.status || null) : null;");
        return (String) value;
    }

    private static boolean errorShown() {
        return !visibleError().isEmpty();
    }

    private static String visibleError() {
        WebElement error = browser.findElement(By.id("run-error"));
        return error.isDisplayed() ? error.getText() : "";
    }
}
