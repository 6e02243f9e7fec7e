package io.callbook.loadtest.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.loadtest.harness.BenchMain;
import io.callbook.loadtest.harness.BenchReport;
import io.callbook.loadtest.harness.BenchSession;
import io.callbook.loadtest.harness.BenchTarget;
import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.SuiteService;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./callbook bench resolve}: seeds the directory, runs the resolution scenarios with Gatling in this JVM,
 * measures the resolver's CPU and memory, prints a table, keeps the HTML reports and appends to docs/benchmarks.md.
 */
public final class ResolveBench extends BenchMain<ResolveOptions> {

    public static final BenchTarget<ResolveOptions> TARGET = new BenchTarget<>("resolve",
            "number resolution (resolver-service)", ResolveOptions.USAGE, ResolveOptions::parse, ResolveBench::new);

    private static final int JIT_WARM_UP_RATE = 500;

    ResolveBench(ResolveOptions options, Path repoRoot, PrintStream out) {
        super(options, repoRoot, out);
    }

    @Override
    public int run() {
        ResolverClient anonymous = ResolverClient.anonymous(common.url());
        try (BenchSession session = startSession("resolve", List.of(anonymous))) {
            ResolverClient admin = anonymous.withToken(session.adminToken(anonymous));
            MeasuredRuns measured = session.measuredRuns(SuiteService.RESOLVER);
            SeedData seed = new Seeder(admin, out).ensure(options.seedPlan(), repoRoot.resolve(SeedData.BENCH_FILE));
            Path numbers = common.resultsDir().resolve("seed.json");
            seed.write(numbers); // the runs read this copy, so the folder shows exactly which numbers were looked up
            Runs runs = new Runs(admin, measured, numbers);
            return session.keepingPartialResults("resolver", measured::results, () -> {
                runs.fixedRates();
                if (options.closed()) {
                    runs.closedScenarios();
                }
                Optional<SaturationSearch.Outcome> saturation = options.saturation() ? Optional.of(runs.saturation()) : Optional.empty();
                return summarize(session.report(), measured.results(), seed, saturation);
            });
        }
    }

    /** The runs of one bench, in order; each measured run adds a row to the results. */
    private final class Runs {
        private final ResolverClient admin;
        private final MeasuredRuns measured;
        private final Path numbers;
        private boolean jitWarmedUp;

        Runs(ResolverClient admin, MeasuredRuns measured, Path numbers) {
            this.admin = admin;
            this.measured = measured;
            this.numbers = numbers;
        }

        void fixedRates() {
            // A fresh resolver JVM thrown straight into thousands of lookups per second falls behind while it compiles
            // and never catches up (open model): warm the JIT gently first. Cold runs mean a cold cache, not a cold JIT.
            warmUpOnce(Math.min(JIT_WARM_UP_RATE, options.rates().stream().min(Integer::compare).orElse(JIT_WARM_UP_RATE)));
            for (int rate : options.rates()) {
                for (String cache : options.caches()) {
                    if (cache.equals("cold")) {
                        clearCache();
                    } else {
                        warmCache();
                        warmUp(rate);
                    }
                    measured.measure("open " + rate + "/s", cache, open(rate, common.duration()));
                }
            }
        }

        void closedScenarios() {
            warmUpOnce(JIT_WARM_UP_RATE);
            warmCache();
            for (ResolveScenario scenario : List.of(ResolveScenario.NORMAL, ResolveScenario.PEAK, ResolveScenario.STRESS)) {
                ResolveLoadSettings settings = ResolveLoadSettings.closed(common.url(), admin.token(), numbers, scenario,
                        scenario.defaultUsers(), common.duration(), options.ramp(), options.thinkTime());
                measured.measure(scenario.label() + " " + scenario.defaultUsers() + " users", "warm", settings);
            }
        }

        SaturationSearch.Outcome saturation() {
            warmUpOnce(Math.min(JIT_WARM_UP_RATE, options.saturationStart()));
            warmCache();
            SaturationSearch search = new SaturationSearch(options.saturationStart(), options.saturationStep(),
                    options.saturationMax(), options.saturationP99Ms());
            SaturationSearch.Outcome outcome = search.search(rate ->
                    measured.measure("saturation " + rate + "/s", "warm", open(rate, options.saturationDuration())));
            RunResult last = outcome.steps().get(outcome.steps().size() - 1);
            if (!search.isSustained(last)) {
                out.printf("Saturation: %d/s is not sustained (%s)%n", last.askedRate(), search.whyNotSustained(last));
            }
            return outcome;
        }

        private ResolveLoadSettings open(int rate, Duration duration) {
            return ResolveLoadSettings.open(common.url(), admin.token(), numbers, rate, duration);
        }

        private void warmUpOnce(int rate) {
            if (!jitWarmedUp) {
                warmUp(rate);
                jitWarmedUp = true;
            }
        }

        private void warmUp(int rate) {
            if (common.warmup().isZero()) {
                return;
            }
            measured.warmUp(rate + " lookups/s", open(rate, common.warmup()));
            jitWarmedUp = true;
        }

        private void clearCache() {
            JsonNode answer = admin.clearCache();
            out.printf("Cache cleared: %s%n", answer);
        }

        private void warmCache() {
            JsonNode answer = admin.warmCache();
            out.printf("Cache warmed: %d entries in %d ms%n", answer.path("entries").asInt(), answer.path("durationMs").asLong());
        }
    }

    private int summarize(BenchReport report, List<RunResult> results, SeedData seed,
                          Optional<SaturationSearch.Outcome> saturation) {
        List<String> notes = new ArrayList<>();
        saturation.ifPresent(outcome -> notes.add(outcome.highestSustained()
                .map(best -> String.format(Locale.ROOT, "Saturation: highest sustained rate %.0f lookups/s (step %d/s: p99 %d ms,"
                        + " errors %.2f %%).", best.achievedRate(), best.askedRate(), best.stats().p99(), best.stats().errorPercent()))
                .orElse("Saturation: not even the first step (" + options.saturationStart() + "/s) was sustained.")));
        Optional<RunResult> targetRun = results.stream()
                .filter(r -> r.scenario().equals("open " + options.targetRate() + "/s") && r.cache().equals("warm"))
                .findFirst();
        boolean targetMissed = targetRun.map(r -> r.stats().p99() > options.targetP99Ms() || r.isFlagged()).orElse(false);
        notes.add(targetRun.map(r -> String.format(Locale.ROOT, "Target p99 ≤ %d ms at %d lookups/s (warm cache): %s (p99 %d ms%s).",
                        options.targetP99Ms(), options.targetRate(), targetMissed ? "MISSED" : "met", r.stats().p99(),
                        r.isFlagged() ? ", run flagged" : ""))
                .orElse("Target p99 ≤ " + options.targetP99Ms() + " ms at " + options.targetRate()
                        + " lookups/s: not measured (no warm run at that rate)."));
        List<RunResult> judged = results.stream().filter(r -> !r.scenario().startsWith("saturation")).toList();
        return report.finish("resolve", "resolver", seed.numbers().size() + " numbers", results, judged, notes, targetMissed);
    }
}
