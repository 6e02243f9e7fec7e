package io.callbook.loadtest.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.devstack.ServiceProcess;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.GatlingReport;
import io.callbook.loadtest.harness.GatlingRunner;
import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.SmokeServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every booking scenario for a few seconds at a tiny load against packaged resolver-service and booking-service on
 * real PostgreSQL, Redis and Kafka: seeding through the public APIs, the scenarios and their expected answers, and
 * the contention read-back keep working. One stack and one start of each service for all scenarios.
 *
 * <p>A scenario whose endpoint booking-service does not publish in its OpenAPI document yet is skipped, not failed.
 */
class BookingScenariosSmokeTest {

    private static final Path WORK = Path.of("target/smoke-booking").toAbsolutePath();
    private static final BookingSeedPlan PLAN = new BookingSeedPlan(2, 2, 3);
    private static final String AVAILABILITY = "/v1/branches/{branchId}/availability";
    private static final List<String> OPTIONS = List.of("--duration", "3s", "--warmup", "0", "--uncached-rate", "10",
            "--cached-rate", "20", "--hot-set", "4", "--book-rate", "10", "--contention-rate", "20",
            "--contention-slots", "2", "--no-docs");

    private static ServiceProcess resolver;
    private static ServiceProcess booking;
    private static ResolverClient resolverAdmin;
    private static ApiClient bookingAdmin;
    private static BookingSeed seed;
    private static Path seedFile;
    private static BookingRuns runs;
    private static Optional<List<String>> publishedPaths;

    @BeforeAll
    static void startServicesAndSeed() throws IOException {
        String bootstrapKey = SmokeServices.newBootstrapKey();
        // both at once: most of the test's time is two JVMs starting on a small machine
        CompletableFuture<ServiceProcess> bookingStart = CompletableFuture.supplyAsync(() ->
                SmokeServices.startBooking("booking-loadtest", "booking_loadtest", WORK.resolve("booking-service.log")));
        resolver = SmokeServices.startResolver("resolver-booking-loadtest", "resolver_booking_loadtest", bootstrapKey,
                WORK.resolve("resolver-service.log"));
        booking = bookingStart.join();

        ResolverClient anonymous = ResolverClient.anonymous(resolver.baseUrl());
        String token = anonymous.exchange(bootstrapKey);
        resolverAdmin = anonymous.withToken(token);
        bookingAdmin = ApiClient.anonymous(booking.baseUrl()).withToken(token);
        seedFile = WORK.resolve("booking-seed.json");
        Files.deleteIfExists(seedFile); // the test stack's databases are new on every run
        Files.deleteIfExists(WORK.resolve("booking-ledger.json"));
        seed = new BookingSeeder(resolverAdmin, bookingAdmin, System.out).ensure(PLAN, seedFile);

        List<String> options = new ArrayList<>(OPTIONS);
        options.addAll(List.of("--url", booking.baseUrl(), "--resolver-url", resolver.baseUrl()));
        BookingOptions bookingOptions = BookingOptions.parse(options, WORK.resolve("gatling"));
        MeasuredRuns measured = MeasuredRuns.of(new GatlingRunner(WORK.resolve("gatling")), "booking-loadtest",
                booking.port(), WORK, System.out);
        runs = new BookingRuns(bookingOptions, bookingAdmin, seed, seedFile, WORK.resolve("booking-ledger.json"),
                measured, System.out);
        publishedPaths = publishedPaths();
    }

    @AfterAll
    static void stopServices() {
        if (booking != null) {
            booking.stop();
        }
        if (resolver != null) {
            resolver.stop();
        }
    }

    @Test
    void seedingTwiceReusesWhatIsThere() {
        assertEquals(PLAN.branches(), seed.branches().size());
        assertEquals(PLAN.services(), seed.serviceIds().size());
        assertTrue(seed.branches().stream().allMatch(b -> b.staffIds().size() == PLAN.staffPerBranch()));
        BookingSeeder again = new BookingSeeder(resolverAdmin, bookingAdmin, System.out);
        assertTrue(again.stillThere(seed, PLAN));
        assertEquals(seed, again.ensure(PLAN, seedFile));
    }

    @Test
    void seededStaffWorkTheGridsWeek() {
        String staffId = seed.branches().get(1).staffIds().get(2);
        JsonNode hours = ApiClient.expect(bookingAdmin.get("/v1/companies/" + seed.companyId() + "/staff/" + staffId + "/hours"),
                "GET hours", 200).body();
        assertEquals(14, hours.size(), "a working day and a break on each of 7 days: " + hours);
    }

    @ParameterizedTest
    @EnumSource(BookingScenario.class)
    void scenarioGetsOnlyExpectedAnswers(BookingScenario scenario) {
        String endpoint = scenario.isAvailability() ? AVAILABILITY : BookingRequestBody.PATH;
        assumeTrue(publishedPaths.map(paths -> paths.stream().anyMatch(p -> samePath(p, endpoint))).orElse(true),
                "booking-service does not publish " + endpoint + " yet (its OpenAPI paths: " + publishedPaths.orElse(List.of()) + ")");

        RunResult result = runs.run(scenario);

        Path report = result.report().resolve("index.html");
        assertTrue(result.stats().total() >= 15, "too few requests: " + result.stats());
        assertEquals(0, result.stats().ko(), "requests with an unexpected answer: " + GatlingReport.errors(result.report())
                + "; see " + report);
        assertTrue(result.windowSeconds() >= 2, "run window " + result.windowSeconds() + " s");
        assertTrue(result.service().isKnown() && result.service().peakRssMb() > 0, "booking-service usage " + result.service());
        assertTrue(result.cpuMillisPerOperation() > 0, "booking-service CPU per request " + result.usage());
        if (scenario == BookingScenario.CONTENTION) {
            ContentionTally.Counts counts = ContentionTally.counts();
            assertTrue(counts.booked() >= 1 && counts.booked() <= 2L * 5, "bookings won: " + counts);
            assertTrue(counts.refused() >= 1, "nobody lost a race: " + counts);
            assertFalse(runs.doubleBooked(), String.join("\n", runs.notes()));
            assertTrue(runs.notes().stream().anyMatch(n -> n.startsWith("Contention read back")), String.join("\n", runs.notes()));
        }
    }

    /** Equal up to the names of path parameters. */
    private static boolean samePath(String published, String wanted) {
        String anyName = "\\{[^}]+}";
        return published.replaceAll(anyName, "{}").equals(wanted.replaceAll(anyName, "{}"));
    }

    /** The paths booking-service documents, or empty when its OpenAPI document cannot be read (then nothing is skipped). */
    private static Optional<List<String>> publishedPaths() {
        ApiClient.Answer openApi = ApiClient.anonymous(booking.managementUrl()).get("/q/openapi?format=json");
        if (openApi.status() != 200 || !openApi.body().has("paths")) {
            return Optional.empty();
        }
        List<String> paths = new ArrayList<>();
        openApi.body().path("paths").fieldNames().forEachRemaining(paths::add);
        return Optional.of(paths);
    }
}
