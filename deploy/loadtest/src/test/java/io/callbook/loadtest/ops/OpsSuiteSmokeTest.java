package io.callbook.loadtest.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.devstack.ServiceProcess;
import io.callbook.loadtest.booking.BookingSeedPlan;
import io.callbook.loadtest.booking.BookingSeeder;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.SmokeServices;
import io.callbook.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * perf-ops-service beside the three packaged services it watches, on the real PostgreSQL, Redis and Kafka: a cache
 * warm reaches every running service and reports each one's counts, an analysis reads every service's database, and
 * the suite's metrics show every service up, also on the dashboard in a real browser (skipped without Chromium).
 */
class OpsSuiteSmokeTest {

    private static final Path WORK = Path.of("target/smoke-ops").toAbsolutePath();
    private static final List<String> WATCHED = List.of("resolver", "booking", "webhook", "perf-ops");

    private static ServiceProcess resolver;
    private static ServiceProcess booking;
    private static ServiceProcess webhook;
    private static ServiceProcess perfOps;
    private static ApiClient ops;
    private static String token;

    @BeforeAll
    static void startTheSuite() throws Exception {
        String bootstrapKey = SmokeServices.newBootstrapKey();
        CompletableFuture<ServiceProcess> bookingStart = CompletableFuture.supplyAsync(() ->
                SmokeServices.startBooking("booking-ops-smoke", "booking_ops_smoke", WORK.resolve("booking-service.log")));
        resolver = SmokeServices.startResolver("resolver-ops-smoke", "resolver_ops_smoke", bootstrapKey,
                WORK.resolve("resolver-service.log"));
        booking = bookingStart.join();
        webhook = SmokeServices.startWebhook("webhook-ops-smoke", "webhook_ops_smoke", WORK.resolve("webhook-service.log"),
                resolver, booking);
        perfOps = SmokeServices.startPerfOps("perf-ops-smoke", "perfops_ops_smoke", WORK.resolve("perf-ops-service.log"),
                List.of(new SmokeServices.Watched("resolver", resolver, "resolver_ops_smoke"),
                        new SmokeServices.Watched("booking", booking, "booking_ops_smoke"),
                        new SmokeServices.Watched("webhook", webhook, "webhook_ops_smoke")));

        ResolverClient anonymous = ResolverClient.anonymous(resolver.baseUrl());
        String token = anonymous.exchange(bootstrapKey);
        // something to warm: active branches with bookable services
        Files.deleteIfExists(WORK.resolve("booking-seed.json"));
        new BookingSeeder(anonymous.withToken(token), ApiClient.anonymous(booking.baseUrl()).withToken(token), System.out)
                .ensure(new BookingSeedPlan(1, 2, 1), WORK.resolve("booking-seed.json"));
        ops = ApiClient.anonymous(perfOps.baseUrl()).withToken(token);
        OpsSuiteSmokeTest.token = token;
    }

    @AfterAll
    static void stopTheSuite() {
        for (ServiceProcess service : new ServiceProcess[]{perfOps, webhook, booking, resolver}) {
            if (service != null) {
                service.stop();
            }
        }
    }

    @Test
    void theDashboardShowsEveryServiceLiveInARealBrowser() {
        WebDriver browser = HeadlessChromium.startOrSkip();
        try {
            browser.get(perfOps.baseUrl() + "/");
            assertTrue(browser.findElements(By.id("charts")).isEmpty(), "no data before signing in");
            HeadlessChromium.signIn(browser, token);
            // the scrape runs every 5 s; each chart needs two scrapes for a rate and a point of its own
            boolean live = until(Duration.ofSeconds(120), () -> WATCHED.stream()
                    .allMatch(service -> HeadlessChromium.points(browser, "#chart-latency-" + service) > 1)
                    && HeadlessChromium.points(browser, "#chart-throughput") > 1);
            String services = browser.findElement(By.id("services")).getText();
            assertTrue(live, "every service's chart fed with its own metrics: " + services);
            WATCHED.forEach(service -> assertTrue(services.contains(service), services));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aCacheWarmReachesEveryRunningServiceAndReportsItsCounts() {
        JsonNode report = run(Map.of("cache", true));

        JsonNode table = report.path("steps").path(0).path("tables").path(0);
        assertEquals("Caches warmed per replica", table.path("title").asText(), report.toPrettyString());
        Map<String, Map<String, Integer>> entries = new HashMap<>();
        for (JsonNode row : table.path("rows")) {
            entries.computeIfAbsent(row.path(0).asText(), service -> new HashMap<>())
                    .put(row.path(2).asText(), Integer.parseInt(row.path(3).asText()));
        }
        assertEquals(java.util.Set.copyOf(WATCHED), entries.keySet(), "every running service answered: " + entries);
        assertTrue(entries.get("booking").get("availability") > 0, entries.toString());
        assertTrue(entries.get("resolver").containsKey("resolution"), entries.toString());
        assertTrue(report.path("steps").path(0).path("summary").asText().startsWith("4 of 4 replicas answered"),
                report.toPrettyString());
    }

    @Test
    void anAnalysisReadsEveryServiceDatabaseFindsNoNPlusOneAndChangesNothingInADryRun() {
        JsonNode report = run(Map.of("analyze", true, "indexes", true, "dryRun", true));

        JsonNode analyze = report.path("steps").path(0);
        assertEquals("analyze", analyze.path("step").asText());
        assertTrue(analyze.path("summary").asText().matches("(?s).*\\b4 of 4 databases analysed.*"), analyze.toPrettyString());
        // The seeding went through the services' real APIs: none of their requests may repeat a read (an N+1).
        List<String> repeated = new java.util.ArrayList<>();
        analyze.path("findings").forEach(finding -> {
            if (finding.path("kind").asText().equals("n-plus-one")) {
                repeated.add(finding.path("text").asText());
            }
        });
        assertTrue(repeated.isEmpty(), "N+1 in our own requests: " + repeated);
        JsonNode indexes = report.path("steps").path(1);
        assertEquals("indexes", indexes.path("step").asText());
        indexes.path("actions").forEach(action ->
                assertTrue(action.asText().startsWith("would run"), "a dry run only says what it would do: " + action));
    }

    @Test
    void theSuitesMetricsShowEveryWatchedServiceUp() {
        JsonNode[] metrics = new JsonNode[1];
        boolean allUp = until(Duration.ofSeconds(60), () -> {
            metrics[0] = ApiClient.expect(ops.get("/v1/ops/metrics"), "metrics", 200).body();
            int up = 0;
            for (JsonNode service : metrics[0].path("services")) {
                if (WATCHED.contains(service.path("service").asText()) && service.path("replicas").asInt() == 1
                        && service.path("pool").path("max").asLong() > 0) {
                    up++;
                }
            }
            return up == WATCHED.size();
        });
        assertTrue(allUp, "every watched service up with its pool: " + metrics[0].toPrettyString());
    }

    private static JsonNode run(Map<String, Object> options) {
        // runs never overlap: a test that finds another one running waits for its turn
        String[] id = new String[1];
        boolean started = until(Duration.ofMinutes(2), () -> {
            ApiClient.Answer answer = ops.post("/v1/ops/optimize", options);
            if (answer.status() == 202) {
                id[0] = answer.body().path("id").asText();
                return true;
            }
            assertEquals(409, answer.status(), String.valueOf(answer.body()));
            return false;
        });
        assertTrue(started, "another run held the lock for two minutes");
        JsonNode[] report = new JsonNode[1];
        boolean finished = until(Duration.ofMinutes(3), () -> {
            report[0] = ApiClient.expect(ops.get("/v1/ops/reports/" + id[0]), "report", 200).body();
            return !report[0].path("status").asText().equals("RUNNING");
        });
        assertTrue(finished, "the run did not finish: " + report[0].toPrettyString());
        assertEquals("SUCCEEDED", report[0].path("status").asText(), report[0].toPrettyString());
        return report[0];
    }

    /** Polls every half second; no speed is asserted, only that it happens within a generous time. */
    private static boolean until(Duration limit, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
