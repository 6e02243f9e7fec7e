package io.callbook.loadtest.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.BenchMain;
import io.callbook.loadtest.harness.BenchReport;
import io.callbook.loadtest.harness.BenchSession;
import io.callbook.loadtest.harness.BenchTarget;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.ExitStatus;
import io.callbook.loadtest.harness.MeasuredProcesses;
import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.ServicePids;
import io.callbook.loadtest.harness.SuiteProcesses;
import io.callbook.loadtest.harness.WatchedProcess;
import io.callbook.loadtest.resolve.SeedData;
import io.callbook.loadtest.resolve.SeedPlan;
import io.callbook.loadtest.resolve.Seeder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code ./callbook bench peers}: the predecessor's architecture (nginx, PHP-FPM, Redis) and a static file beside our
 * resolver, each under the same closed-model load in the same bench run; prints throughput, latency and server CPU per
 * lookup of each with the ratios, keeps the HTML reports and appends to docs/benchmarks.md.
 */
public final class PeersBench extends BenchMain<PeersOptions> {

    public static final BenchTarget<PeersOptions> TARGET = new BenchTarget<>("peers",
            "the predecessor's architecture (nginx, PHP-FPM, Redis) beside our resolver, same load",
            PeersOptions.USAGE, PeersOptions::parse, PeersBench::new);

    /** Sent with every lookup when no resolver runs to make a real token; nobody checks it then. */
    private static final String NO_TOKEN = "none";

    PeersBench(PeersOptions options, Path repoRoot, PrintStream out) {
        super(options, repoRoot, out);
    }

    @Override
    public int run() {
        List<String> notes = new ArrayList<>();
        List<Peer> peers = new ArrayList<>(options.peers());
        boolean needsServers = peers.stream().anyMatch(Peer::needsPeerServers);
        Optional<PeerTools> tools = needsServers ? PeerTools.find() : Optional.empty();
        if (needsServers && tools.isEmpty()) {
            notes.add("The static and php peers are skipped: " + String.join(", ", PeerTools.missing())
                    + " not found on this machine (" + PeerTools.INSTALL + ").");
            peers.removeIf(Peer::needsPeerServers);
        }
        boolean ours = peers.contains(Peer.OURS);
        ResolverClient anonymous = ResolverClient.anonymous(common.url());
        try (BenchSession session = startSession("peers", ours ? List.of(anonymous) : List.of())) {
            notes.forEach(out::println);
            if (peers.isEmpty()) {
                out.println("Nothing left to measure.");
                return ExitStatus.FAILED;
            }
            Optional<ResolverClient> admin = ours ? Optional.of(anonymous.withToken(session.adminToken(anonymous)))
                    : Optional.empty();
            SeedData seed = admin.map(this::seedResolver).orElseGet(this::seedWithoutResolver);
            Path numbers = common.resultsDir().resolve("seed.json");
            seed.write(numbers);
            try (PeerServers servers = tools.map(found -> PeerServers.start(found, common.resultsDir().resolve("peers"),
                    seed.numbers(), options.phpChildren(), out)).orElse(null)) {
                Map<Peer, PeerTarget> targets = targets(peers, servers, admin);
                List<WatchedProcess> watched = new ArrayList<>(SuiteProcesses.find(repoRoot));
                if (servers != null) {
                    watched.addAll(servers.phpProcesses());
                }
                MeasuredRuns measured = MeasuredRuns.watching(session.gatling(), new MeasuredProcesses(List.of(), watched),
                        out);
                PeerRuns runs = new PeerRuns(options, measured, numbers, admin.map(ApiClient::token).orElse(NO_TOKEN), targets);
                Map<Peer, RunResult> results = new EnumMap<>(Peer.class);
                return session.keepingPartialResults("server", () -> List.copyOf(results.values()), () -> {
                    peers.forEach(peer -> results.put(peer, runs.run(peer)));
                    return summarize(session.report(), results, seed, tools, notes);
                });
            }
        }
    }

    /** The resolve bench's numbers, whatever plan it seeded them with; re-used while they still resolve. */
    private SeedData seedResolver(ResolverClient admin) {
        Path file = repoRoot.resolve(SeedData.BENCH_FILE);
        SeedPlan plan = SeedData.readIfPresent(file).map(SeedData::plan).orElse(SeedPlan.BENCH);
        return new Seeder(admin, out).ensure(plan, file);
    }

    /** The resolve bench's numbers when it left them, else the same plan's numbers made up here. */
    private SeedData seedWithoutResolver() {
        Path file = repoRoot.resolve(SeedData.BENCH_FILE);
        Optional<SeedData> previous = SeedData.readIfPresent(file);
        out.println(previous.isPresent() ? "Seed data: the resolve bench's " + previous.get().numbers().size() + " numbers from "
                + file : "Seed data: no " + file + "; the resolve bench's plan, made up here (no resolver runs)");
        return previous.orElseGet(() -> SeedData.planned(SeedPlan.BENCH));
    }

    private Map<Peer, PeerTarget> targets(List<Peer> peers, PeerServers servers, Optional<ResolverClient> admin) {
        Map<Peer, PeerTarget> targets = new EnumMap<>(Peer.class);
        for (Peer peer : peers) {
            targets.put(peer, switch (peer) {
                case STATIC -> PeerTarget.ready(servers.staticUrl(), servers.staticProcesses());
                case PHP -> PeerTarget.ready(servers.phpUrl(), servers.phpProcesses());
                case OURS -> oursTarget(admin.orElseThrow());
            });
        }
        return targets;
    }

    /** Warmed before its run as the resolve bench's closed runs are: every lookup of a known number from memory. */
    private PeerTarget oursTarget(ResolverClient admin) {
        OptionalLong pid = ServicePids.find("resolver-service", common.port());
        out.println(pid.isPresent() ? "resolver-service JVM: pid " + pid.getAsLong()
                : "resolver-service JVM: not found on this machine (no -Dcallbook.process=resolver-service on port "
                + common.port() + "): its CPU is n/a");
        List<WatchedProcess> processes = pid.stream().mapToObj(p -> WatchedProcess.service("resolver", p)).toList();
        return new PeerTarget(common.url(), processes, () -> {
            JsonNode answer = admin.warmCache();
            out.printf("Cache warmed: %d entries in %d ms%n", answer.path("entries").asInt(), answer.path("durationMs").asLong());
        });
    }

    private int summarize(BenchReport report, Map<Peer, RunResult> results, SeedData seed, Optional<PeerTools> tools,
                          List<String> skipped) {
        List<String> notes = new ArrayList<>();
        notes.add("Same load for every peer: " + options.users() + " users sending lookups back to back (closed model, "
                + DurationText.format(options.ramp()) + " ramp), the resolve bench's mix (80 % of known-number lookups on"
                + " 20 % of the numbers, 5 % unknown, 3 % anonymous or malformed, a fifth in national format with region=DE);"
                + " server = the processes that answer, CPU ms/op = their CPU per correct answer.");
        tools.ifPresent(found -> notes.add("Peers: " + found.versions() + ". static: nginx (worker_processes auto,"
                + " keep-alive to clients, no access log) answers every lookup with one file shaped like a resolve answer"
                + " (only 200 is correct). php: the same nginx → PHP-FPM over a unix socket (pm = static, "
                + options.phpChildren() + " workers, opcache without timestamp checks) → a regex (422) and one GET"
                + " (200, else 404) on Redis over a persistent connection (pconnect), every number stored ready as JSON"
                + " in E.164 and national form; no token check, no number parsing: the predecessor's best case."));
        if (results.containsKey(Peer.OURS)) {
            notes.add("ours: resolver-service as it runs, cache warmed first; every lookup verifies the bearer token"
                    + " (RS256), parses the number (libphonenumber) and checks the caller may see the company.");
        }
        notes.addAll(PeerComparison.notes(results));
        notes.addAll(skipped);
        String data = seed.numbers().size() + " numbers; " + options.users() + " users per peer";
        List<RunResult> rows = List.copyOf(results.values());
        return report.finish("peers", "server", data, rows, rows, notes, false);
    }
}
