package io.callbook.loadtest.resolve;

import io.callbook.devstack.ServiceProcess;
import io.callbook.loadtest.harness.GatlingReport;
import io.callbook.loadtest.harness.GatlingRunner;
import io.callbook.loadtest.harness.MeasuredProcesses;
import io.callbook.loadtest.harness.MeasuredWindow;
import io.callbook.loadtest.harness.ProcessUsage;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.ResponseStats;
import io.callbook.loadtest.harness.SmokeServices;
import io.callbook.loadtest.harness.WatchedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scenario for a few seconds at a tiny load against the packaged resolver on real PostgreSQL, Redis and Kafka:
 * the scenarios, the seeding and the report reading keep working, and no lookup gets an answer it should not.
 * The benchmarks themselves run only on purpose (./callbook bench).
 */
class ResolveScenariosSmokeTest {

    private static final Duration RUN = Duration.ofSeconds(3);
    /** The bench's own plan: 4 000 numbers, more than the per-token rate limit allows as single requests in minutes. */
    private static final SeedPlan PLAN = SeedPlan.BENCH;
    private static final Path WORK = Path.of("target/smoke").toAbsolutePath();

    private static ServiceProcess resolver;
    private static ResolverClient admin;
    private static SeedData seed;
    private static Duration seeding;
    private static Path numbers;
    private static GatlingRunner gatling;

    @BeforeAll
    static void startResolverAndSeed() throws IOException {
        String bootstrapKey = SmokeServices.newBootstrapKey();
        resolver = SmokeServices.startResolver("resolver-loadtest", "resolver_loadtest", bootstrapKey,
                WORK.resolve("resolver-service.log"));

        ResolverClient anonymous = ResolverClient.anonymous(resolver.baseUrl());
        admin = anonymous.withToken(anonymous.exchange(bootstrapKey));
        numbers = WORK.resolve("seed.json");
        Files.deleteIfExists(numbers); // the test stack's database is new on every run
        long begin = System.nanoTime();
        seed = new Seeder(admin, System.out).ensure(PLAN, numbers);
        seeding = Duration.ofNanos(System.nanoTime() - begin);
        gatling = new GatlingRunner(WORK.resolve("gatling"));
    }

    @AfterAll
    static void stopResolver() {
        if (resolver != null) {
            resolver.stop();
        }
    }

    /** One batch request per company: a single 429 would have cost most of a minute. */
    @Test
    void seedingTakesSecondsWithoutMeetingTheRateLimit() {
        assertEquals(PLAN.totalNumbers(), seed.numbers().size());
        assertTrue(seeding.compareTo(Duration.ofSeconds(60)) < 0, "seeding took " + seeding);
    }

    @Test
    void seedingTwiceReusesWhatIsThere() {
        SeedData again = new Seeder(admin, System.out).ensure(seed.plan(), numbers);
        assertEquals(seed, again, "the file's data, seededAt included: nothing was seeded again");
    }

    /** Without the file (e.g. after a clean build), a second seeding finds the numbers in their companies again. */
    @Test
    void seedingWithoutTheFileFindsWhatIsThere() throws IOException {
        Path elsewhere = WORK.resolve("seed-again.json");
        Files.deleteIfExists(elsewhere);
        SeedData again = new Seeder(admin, System.out).ensure(seed.plan(), elsewhere);
        assertEquals(Set.copyOf(seed.numbers()), Set.copyOf(again.numbers()));
    }

    /** The statuses the simulation checks for must be the ones the real resolver gives. */
    @Test
    void feederExpectationsMatchTheResolversAnswers() {
        for (String invalid : LookupFeeder.INVALID_NUMBERS) {
            assertEquals(422, admin.resolve(invalid, null).status(), invalid);
        }
        LookupFeeder feeder = new LookupFeeder(seed.numbers(), new LookupMix(0.3, 0.3, 0.5, 0.2, 0.8));
        for (int i = 0; i < 100; i++) {
            Map<String, Object> lookup = feeder.next();
            @SuppressWarnings("unchecked")
            Map<String, Object> query = (Map<String, Object>) lookup.get(LookupFeeder.QUERY);
            int status = admin.resolve((String) query.get("number"), (String) query.get("region")).status();
            assertEquals(lookup.get(LookupFeeder.EXPECTED_STATUS), status, query.toString());
        }
    }

    @Test
    void cacheCanBeClearedAndWarmed() {
        assertEquals(true, admin.clearCache().path("cleared").asBoolean());
        assertEquals(PLAN.totalNumbers(), admin.warmCache().path("entries").asInt());
    }

    @ParameterizedTest
    @EnumSource(ResolveScenario.class)
    void scenarioGetsOnlyExpectedAnswers(ResolveScenario scenario) {
        ResolveLoadSettings settings = scenario.isClosed()
                ? ResolveLoadSettings.closed(resolver.baseUrl(), admin.token(), numbers, scenario, 3, RUN, Duration.ofSeconds(1),
                Duration.ofMillis(150))
                : ResolveLoadSettings.open(resolver.baseUrl(), admin.token(), numbers, 20, RUN);
        MeasuredWindow window = new MeasuredWindow(new MeasuredProcesses(
                List.of(WatchedProcess.service("resolver", resolver.pid())), List.of()));

        Path report = gatling.run("smoke-" + scenario.label(), settings, true, window);

        ResponseStats stats = GatlingReport.read(report);
        assertTrue(stats.total() >= 20, "too few lookups: " + stats);
        assertEquals(0, stats.ko(), "lookups with an unexpected answer; see " + report.resolve("index.html"));
        assertTrue(window.seconds() >= RUN.toSeconds() - 1, "run window " + window.seconds() + " s");
        ProcessUsage usage = window.usage().service();
        assertTrue(usage.isKnown() && usage.peakRssMb() > 0 && usage.cpuMillis() > 0, "resolver usage " + usage);
        assertTrue(usage.cpuMillisPer(stats.ok()) > 0, "resolver CPU per lookup " + usage);
    }
}
