package io.callbook.loadtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code ./callbook bench resolve}: seeds the directory, runs the resolution scenarios with Gatling in this JVM,
 * measures the resolver's CPU and memory, prints a table, keeps the HTML reports and appends to docs/benchmarks.md.
 */
public final class Bench {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_FLAGGED = 3;
    static final int EXIT_TARGET_MISSED = 4;

    private static final int SEEDING_THREADS = 8;
    private static final int JIT_WARM_UP_RATE = 500;

    private final BenchOptions options;
    private final Path repoRoot;
    private final PrintStream out;
    private final List<RunResult> results = new ArrayList<>();
    private final ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
    private int runNumber;

    Bench(BenchOptions options, Path repoRoot, PrintStream out) {
        this.options = options;
        this.repoRoot = repoRoot;
        this.out = out;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("callbook.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            System.exit(EXIT_OK);
        }
        BenchOptions options;
        try {
            String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            options = BenchOptions.parse(args, root, timestamp);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(BenchOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        int status;
        try {
            status = new Bench(options, root, System.out).run();
        } catch (RuntimeException e) {
            System.out.println();
            System.out.println("Bench failed: " + e.getMessage());
            status = EXIT_FAILED;
        }
        System.out.flush();
        System.exit(status); // Gatling's and Netty's threads are not all daemons
    }

    int run() {
        Machine machine = Machine.describe(repoRoot);
        out.printf("Callbook bench: resolve against %s%n", options.url());
        out.printf("Machine: %s. The load generator (Gatling, this JVM) runs on the same machine and shares its %d cores"
                + " with the suite.%n", machine.describeHardware(), machine.cores());
        out.printf("Reports: %s%n%n", options.resultsDir());
        ResolverClient anonymous = ResolverClient.anonymous(options.url());
        try (LocalSuiteLauncher suite = LocalSuiteLauncher.ensureRunning(repoRoot, anonymous, options.targetsLocalSuite(),
                options.startTimeout(), options.resultsDir().resolve("local-suite.log"), out)) {
            Optional<String> bootstrapKey = bootstrapKey();
            ResolverClient admin = anonymous.withToken(token(anonymous, bootstrapKey));
            OptionalLong resolverPid = ServicePids.find("resolver-service", options.port());
            out.println(resolverPid.isPresent()
                    ? "Resolver JVM: pid " + resolverPid.getAsLong() + " (CPU and RSS measured from /proc)"
                    : "Resolver JVM: not found on this machine (no -Dcallbook.process=resolver-service on port "
                    + options.port() + "): CPU and RSS are n/a");
            Supplier<List<ResolverClient>> assigners = () -> bootstrapKey
                    .map(key -> IntStream.range(0, SEEDING_THREADS).mapToObj(i -> anonymous.withToken(anonymous.exchange(key))).toList())
                    .orElse(List.of(admin));
            SeedData seed = new Seeder(admin, assigners, out).ensure(options.seedPlan(),
                    repoRoot.resolve("deploy/loadtest/target/bench/seed.json"));
            Path numbers = options.resultsDir().resolve("seed.json");
            seed.write(numbers); // the runs read this copy, so the folder shows exactly which numbers were looked up
            GatlingRunner gatling = new GatlingRunner(options.resultsDir());
            Runs runs = new Runs(admin, gatling, resolverPid, numbers);
            try {
                runs.fixedRates();
                if (options.closed()) {
                    runs.closedScenarios();
                }
                Optional<SaturationSearch.Outcome> saturation = options.saturation() ? Optional.of(runs.saturation()) : Optional.empty();
                return summarize(machine, seed, saturation);
            } catch (RuntimeException e) {
                if (results.isEmpty()) {
                    throw e;
                }
                out.printf("%nBench stopped early: %s%nWhat was measured until then (not written to docs/benchmarks.md):%n%n",
                        e.getMessage());
                out.print(ResultTable.console(results));
                return EXIT_FAILED;
            }
        }
    }

    /** The local suite's platform-admin API key, unless a token was given. */
    private Optional<String> bootstrapKey() {
        Path keyFile = repoRoot.resolve(".callbook/bootstrap.key");
        if ((options.token() != null && !options.token().isBlank()) || !Files.isRegularFile(keyFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(keyFile).trim());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + keyFile, e);
        }
    }

    private String token(ResolverClient anonymous, Optional<String> bootstrapKey) {
        if (options.token() != null && !options.token().isBlank()) {
            return options.token();
        }
        String key = bootstrapKey.orElseThrow(() -> new IllegalStateException(
                "No token: pass --token, set CALLBOOK_TOKEN, or run the local suite (which keeps .callbook/bootstrap.key)"));
        String token = anonymous.exchange(key);
        out.println("Token: platform-admin token made from .callbook/bootstrap.key");
        return token;
    }

    /** The runs of one bench, in order; each measured run adds a row to {@link #results}. */
    private final class Runs {
        private final ResolverClient admin;
        private final GatlingRunner gatling;
        private final OptionalLong resolverPid;
        private final Path numbers;
        private boolean jitWarmedUp;

        Runs(ResolverClient admin, GatlingRunner gatling, OptionalLong resolverPid, Path numbers) {
            this.admin = admin;
            this.gatling = gatling;
            this.resolverPid = resolverPid;
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
                    results.add(measure("open " + rate + "/s", cache, open(rate, options.duration())));
                }
            }
        }

        void closedScenarios() {
            warmUpOnce(JIT_WARM_UP_RATE);
            warmCache();
            for (Scenario scenario : List.of(Scenario.NORMAL, Scenario.PEAK, Scenario.STRESS)) {
                LoadSettings settings = LoadSettings.closed(options.url(), admin.token(), numbers, scenario,
                        scenario.defaultUsers(), options.duration(), options.ramp(), options.thinkTime());
                results.add(measure(scenario.label() + " " + scenario.defaultUsers() + " users", "warm", settings));
            }
        }

        SaturationSearch.Outcome saturation() {
            warmUpOnce(Math.min(JIT_WARM_UP_RATE, options.saturationStart()));
            warmCache();
            SaturationSearch search = new SaturationSearch(options.saturationStart(), options.saturationStep(),
                    options.saturationMax(), options.saturationP99Ms());
            SaturationSearch.Outcome outcome = search.search(rate ->
                    measure("saturation " + rate + "/s", "warm", open(rate, options.saturationDuration())));
            results.addAll(outcome.steps());
            RunResult last = outcome.steps().get(outcome.steps().size() - 1);
            if (!search.isSustained(last)) {
                out.printf("Saturation: %d/s is not sustained (%s)%n", last.askedRate(), search.whyNotSustained(last));
            }
            return outcome;
        }

        private LoadSettings open(int rate, Duration duration) {
            return LoadSettings.open(options.url(), admin.token(), numbers, rate, duration);
        }

        private void warmUpOnce(int rate) {
            if (!jitWarmedUp) {
                warmUp(rate);
                jitWarmedUp = true;
            }
        }

        private void warmUp(int rate) {
            if (options.warmup().isZero()) {
                return;
            }
            out.printf("%n--- warm-up: %d lookups/s for %s (not measured) ---%n", rate, DurationText.format(options.warmup()));
            gatling.run(String.format("%02d-warmup", runNumber), open(rate, options.warmup()), false, null);
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

        private RunResult measure(String scenario, String cache, LoadSettings settings) {
            runNumber++;
            String runName = String.format(Locale.ROOT, "%02d-%s-%s", runNumber, scenario.replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("-$", ""), cache);
            out.printf("%n=== run %d: %s, %s cache, %s ===%n", runNumber, scenario, cache,
                    DurationText.format(settings.duration()));
            MeasuredWindow window = new MeasuredWindow(resolverPid);
            Path report = gatling.run(runName, settings, true, window);
            RunResult result = new RunResult(scenario, cache, settings.scenario().isClosed() ? 0 : settings.rate(),
                    settings.users(), GatlingReport.read(report), window.seconds(), window.resolver(), window.generator(),
                    report);
            out.printf("=== run %d done: %.0f/s achieved, p99 %d ms, errors %.2f %%%s — %s ===%n", runNumber,
                    result.achievedRate(), result.stats().p99(), result.stats().errorPercent(),
                    result.isFlagged() ? " — FLAGGED " + result.flags() : "", report.resolve("index.html"));
            GatlingReport.errors(report).stream().limit(3).forEach(error -> out.println("    error: " + error));
            return result;
        }
    }

    private int summarize(Machine machine, SeedData seed, Optional<SaturationSearch.Outcome> saturation) {
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
        List<RunResult> measured = results.stream().filter(r -> !r.scenario().startsWith("saturation")).toList();
        long flagged = measured.stream().filter(RunResult::isFlagged).count();
        if (flagged > 0) {
            notes.add(flagged + " run(s) FLAGGED: more than " + (int) RunResult.MAX_ERROR_PERCENT + " % errors or less than "
                    + Math.round(RunResult.MIN_RATE_SHARE * 100) + " % of the asked rate.");
        }
        for (RunResult result : results) {
            if (result.stats().ko() > 0) {
                notes.add("Errors of " + result.scenario() + " (" + result.cache() + "): "
                        + String.join("; ", GatlingReport.errors(result.report()).stream().limit(2).toList()) + ".");
            }
        }
        if (results.stream().anyMatch(r -> GatlingReport.errors(r.report()).stream().anyMatch(e -> e.contains("Too many open files")))) {
            notes.add("\"Too many open files\" is the load generator's limit: the resolver fell behind, and the open model"
                    + " kept sending, until " + openFilesLimit() + " connections were waiting on it.");
        }

        out.println();
        out.println("Results (" + seed.numbers().size() + " numbers; " + DurationText.format(options.duration())
                + " per run; the load generator shares this machine's " + machine.cores() + " cores with the suite):");
        out.println();
        out.print(ResultTable.console(results));
        out.println();
        notes.forEach(out::println);
        out.println("HTML reports: " + options.resultsDir() + "/<run>/index.html");
        if (options.writeDocs()) {
            Path docs = repoRoot.resolve("docs/benchmarks.md");
            BenchmarksLog.append(docs, docsBlock(machine, seed, notes));
            out.println("Appended to " + docs);
        }
        return flagged > 0 ? EXIT_FLAGGED : targetMissed ? EXIT_TARGET_MISSED : EXIT_OK;
    }

    private static String openFilesLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.split("\\s+")[3]).findFirst().orElse("all allowed");
        } catch (IOException | RuntimeException e) {
            return "all allowed";
        }
    }

    private String docsBlock(Machine machine, SeedData seed, List<String> notes) {
        return "## Load test: resolve, " + startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")) + "\n\n"
                + machine.describeCode() + " · " + machine.describeHardware() + " · load generator on the same machine · "
                + seed.numbers().size() + " numbers · " + DurationText.format(options.duration()) + " per run after a "
                + DurationText.format(options.warmup()) + " warm-up · reports in `"
                + repoRoot.relativize(options.resultsDir()) + "`\n\n"
                + ResultTable.markdown(results) + "\n"
                + notes.stream().map(note -> "- " + note + "\n").collect(Collectors.joining());
    }
}
