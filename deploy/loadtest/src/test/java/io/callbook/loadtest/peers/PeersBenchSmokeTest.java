package io.callbook.loadtest.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.devstack.ServiceProcess;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.ExitStatus;
import io.callbook.loadtest.harness.GatlingReport;
import io.callbook.loadtest.harness.GatlingRunner;
import io.callbook.loadtest.harness.MeasuredProcesses;
import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.SmokeServices;
import io.callbook.loadtest.harness.WatchedProcess;
import io.callbook.loadtest.resolve.LookupFeeder;
import io.callbook.loadtest.resolve.LookupMix;
import io.callbook.loadtest.resolve.SeedData;
import io.callbook.loadtest.resolve.SeedPlan;
import io.callbook.loadtest.resolve.Seeder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The peers bench for a few seconds: nginx, PHP-FPM and Redis it starts itself, and the packaged resolver on real
 * PostgreSQL, Redis and Kafka. Each peer answers the lookup mix as expected, and each run is measured. Skipped where
 * nginx, PHP-FPM with php-redis or Redis are not installed (CI by default).
 */
class PeersBenchSmokeTest {

    private static final Path WORK = Path.of("target/smoke-peers").toAbsolutePath();
    private static final List<String> SHORT_RUNS = List.of("--users", "3", "--warmup", "0", "--ramp", "1s");

    private static ServiceProcess resolver;
    private static ResolverClient admin;
    private static SeedData seed;
    private static Path seedFile;
    private static PeerServers servers;

    @BeforeAll
    static void startPeersAndResolver() throws IOException {
        Optional<PeerTools> tools = PeerTools.find();
        assumeTrue(tools.isPresent(), () -> "no peers on this machine: " + PeerTools.missing() + " missing ("
                + PeerTools.INSTALL + ")");
        String bootstrapKey = SmokeServices.newBootstrapKey();
        // named as in the suite, so that the bench finds its JVM by the same marker (on a port of its own)
        resolver = SmokeServices.startResolver("resolver-service", "resolver_peers", bootstrapKey,
                WORK.resolve("resolver-service.log"));
        ResolverClient anonymous = ResolverClient.anonymous(resolver.baseUrl());
        admin = anonymous.withToken(anonymous.exchange(bootstrapKey));
        seedFile = WORK.resolve(SeedData.BENCH_FILE); // WORK stands for the repository root in the bench run below
        Files.deleteIfExists(seedFile); // the test stack's database is new on every run
        seed = new Seeder(admin, System.out).ensure(new SeedPlan(2, 1, 20), seedFile);
        servers = PeerServers.start(tools.get(), WORK.resolve("servers"), seed.numbers(), 2, System.out);
    }

    @AfterAll
    static void stopAll() {
        if (servers != null) {
            servers.close();
        }
        if (resolver != null) {
            resolver.stop();
        }
    }

    /** The PHP peer gives the resolver's statuses and companies; the static file answers everything alike. */
    @Test
    void peersAnswerTheLookupMixAsTheResolverDoes() {
        ResolverClient php = ResolverClient.anonymous(servers.phpUrl());
        ResolverClient staticFile = ResolverClient.anonymous(servers.staticUrl());
        LookupFeeder feeder = new LookupFeeder(seed.numbers(), new LookupMix(0.2, 0.2, 0.5, 0.2, 0.8));
        for (int i = 0; i < 100; i++) {
            Map<String, Object> lookup = feeder.next();
            @SuppressWarnings("unchecked")
            Map<String, Object> query = (Map<String, Object>) lookup.get(LookupFeeder.QUERY);
            String number = (String) query.get("number");
            String region = (String) query.get("region");
            ApiClient.Answer ours = admin.resolve(number, region);
            ApiClient.Answer theirs = php.resolve(number, region);

            assertEquals(lookup.get(LookupFeeder.EXPECTED_STATUS), ours.status(), query.toString());
            assertEquals(ours.status(), theirs.status(), query + ": " + theirs.body());
            if (ours.status() == 200) {
                assertEquals(ours.body().path("companyId").asText(), theirs.body().path("companyId").asText(), query.toString());
                assertEquals(ours.body().path("number").asText(), theirs.body().path("number").asText(), query.toString());
            }
            JsonNode file = staticFile.resolve(number, region).body();
            assertTrue(file.path("companyId").isTextual(), "static answer " + file);
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void eachPeerIsMeasuredWithoutErrors(Peer peer) {
        PeersOptions options = PeersOptions.parse(concat(SHORT_RUNS, "--duration", "3s", "--url", resolver.baseUrl()),
                WORK.resolve("runs"));
        MeasuredRuns measured = MeasuredRuns.watching(new GatlingRunner(WORK.resolve("gatling")),
                new MeasuredProcesses(List.of(), servers.phpProcesses()), System.out);
        Map<Peer, PeerTarget> targets = Map.of(
                Peer.STATIC, PeerTarget.ready(servers.staticUrl(), servers.staticProcesses()),
                Peer.PHP, PeerTarget.ready(servers.phpUrl(), servers.phpProcesses()),
                Peer.OURS, PeerTarget.ready(resolver.baseUrl(), List.of(WatchedProcess.service("resolver", resolver.pid()))));

        RunResult result = new PeerRuns(options, measured, seedFile, admin.token(), targets).run(peer);

        assertEquals(peer.label(), result.scenario());
        assertTrue(result.stats().total() >= 20, "too few lookups: " + result.stats());
        assertEquals(0, result.stats().ko(), "lookups with an unexpected answer: " + GatlingReport.errors(result.report())
                + "; see " + result.report().resolve("index.html"));
        assertTrue(result.cpuMillisPerOperation() > 0, peer + " server CPU per lookup " + result.usage());
        assertEquals(targets.get(peer).processes().size(), result.usage().parts().size(), result.usage().toString());
    }

    /** The whole bench as ./callbook bench peers runs it, this folder standing for the repository. */
    @Test
    void theBenchComparesOursWithBothPeers() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PeersOptions options = PeersOptions.parse(concat(SHORT_RUNS, "--duration", "2s", "--url", resolver.baseUrl(),
                "--token", admin.token(), "--no-docs", "--results", WORK.resolve("bench").toString()), WORK);

        int status = new PeersBench(options, WORK, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        String output = console.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertEquals(ExitStatus.OK, status, output);
        for (Peer peer : Peer.values()) {
            assertTrue(output.contains(peer.label()), peer + " row missing");
        }
        assertTrue(output.contains("Ours ÷ PHP peer: ") && output.contains("Ours ÷ static peer: "), "ratios missing");
        assertTrue(output.contains("PHP peer's server side: nginx "), "PHP peer's parts missing");
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
