package io.callbook.loadtest;

import io.callbook.devstack.ServiceProcess;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scenario for a few seconds at a tiny load against the packaged resolver on real PostgreSQL, Redis and Kafka:
 * the scenarios, the seeding and the report reading keep working, and no lookup gets an answer it should not.
 * The benchmarks themselves run only on purpose (./callbook bench).
 */
class ResolveScenariosSmokeTest {

    private static final Duration RUN = Duration.ofSeconds(3);
    private static final Path WORK = Path.of("target/smoke").toAbsolutePath();

    private static ServiceProcess resolver;
    private static ResolverClient admin;
    private static SeedData seed;
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
        seed = new Seeder(admin, () -> List.of(admin), System.out).ensure(new SeedPlan(2, 1, 20), numbers);
        gatling = new GatlingRunner(WORK.resolve("gatling"));
    }

    @AfterAll
    static void stopResolver() {
        if (resolver != null) {
            resolver.stop();
        }
    }

    @Test
    void seedingTwiceReusesWhatIsThere() {
        assertEquals(40, seed.numbers().size());
        SeedData again = new Seeder(admin, () -> {
            throw new AssertionError("nothing should be assigned again");
        }, System.out).ensure(seed.plan(), numbers);
        assertEquals(seed.numbers(), again.numbers());
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
        assertEquals(40, admin.warmCache().path("entries").asInt());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void scenarioGetsOnlyExpectedAnswers(Scenario scenario) {
        LoadSettings settings = scenario.isClosed()
                ? LoadSettings.closed(resolver.baseUrl(), admin.token(), numbers, scenario, 3, RUN, Duration.ofSeconds(1),
                Duration.ofMillis(150))
                : LoadSettings.open(resolver.baseUrl(), admin.token(), numbers, 20, RUN);
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
