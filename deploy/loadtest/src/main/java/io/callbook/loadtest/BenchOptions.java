package io.callbook.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line of {@code ./callbook bench resolve}. */
record BenchOptions(String target, String url, String token, List<Integer> rates, List<String> caches, Duration duration,
                    Duration warmup, boolean closed, Duration ramp, Duration thinkTime, boolean saturation,
                    int saturationStart, int saturationStep, int saturationMax, Duration saturationDuration,
                    int saturationP99Ms, SeedPlan seedPlan, int targetRate, int targetP99Ms, boolean writeDocs,
                    Duration startTimeout, Path resultsDir) {

    static final String USAGE = """
            Usage: ./callbook bench resolve [options]

            Load-tests number resolution with Gatling: seeds a directory through the public API (re-used on later runs),
            then, for each rate, a cold-cache and a warm-cache open-model run, the closed-model scenarios (normal 100,
            peak 500, stress 1 000 users) and a saturation search. Starts the local suite (./callbook up) when nothing
            answers and stops it afterwards. Prints a table, keeps Gatling's HTML reports, appends to docs/benchmarks.md.
            Exit status: 0 all good, 3 a run is flagged (errors > 1 % or rate < 95 % of asked), 4 the latency target
            was missed, 1 the bench could not run, 2 bad options.

            Options (durations like 30s, 500ms, 2m):
              --url URL                 resolver base URL (default http://127.0.0.1:8081)
              --token TOKEN             platform-admin or ops bearer token (default: CALLBOOK_TOKEN, else one made
                                        from .callbook/bootstrap.key)
              --rates LIST              open-model rates in lookups/s (default 500,2000,5000)
              --cache LIST              cold, warm or both (default cold,warm)
              --duration D              measured time per run (default 30s)
              --warmup D                warm-up before the first run and before every warm run (default 10s; 0 = none)
              --no-closed               skip the normal/peak/stress closed-model runs
              --ramp D                  closed runs: time to reach all users (default 5s)
              --think-time D            closed runs: pause between a user's lookups (default 0ms = back to back)
              --no-saturation           skip the saturation search
              --saturation-start N      first saturation step in lookups/s (default 1000)
              --saturation-step N       increase per step (default 1000)
              --saturation-max N        highest step tried (default 30000)
              --saturation-duration D   time per step (default 15s)
              --saturation-p99 MS       a step with a higher p99 is not sustained: latency blew up (default 500)
              --companies N --branches N --numbers N
                                        seed data: companies, branches each, numbers per branch (default 20, 2, 100)
              --target-rate N --target-p99 MS
                                        the latency target checked on the warm run at that rate (default 2000, 5)
              --no-docs                 do not append to docs/benchmarks.md
              --start-timeout D         how long to wait for ./callbook up (default 3m)
              --results DIR             where reports go (default deploy/loadtest/target/bench/<timestamp>)
            """;

    static BenchOptions parse(String[] args, Path repoRoot, String timestamp) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty() || rest.get(0).startsWith("-")) {
            throw new IllegalArgumentException("Name what to benchmark: resolve");
        }
        String target = rest.remove(0);
        if (!target.equals("resolve")) {
            throw new IllegalArgumentException("Unknown bench target '" + target + "' (only resolve so far)");
        }
        Builder options = new Builder(repoRoot.resolve("deploy/loadtest/target/bench").resolve(timestamp));
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            String value = i + 1 < rest.size() ? rest.get(i + 1) : null;
            boolean takesValue = options.apply(option, value);
            if (takesValue) {
                if (value == null) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                i++;
            }
        }
        return options.build(target);
    }

    int port() {
        URI uri = URI.create(url);
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    boolean targetsLocalSuite() {
        String host = URI.create(url).getHost();
        return port() == 8081 && ("127.0.0.1".equals(host) || "localhost".equals(host));
    }

    private static final class Builder {
        String url = "http://127.0.0.1:8081";
        String token = System.getenv("CALLBOOK_TOKEN");
        List<Integer> rates = List.of(500, 2_000, 5_000);
        List<String> caches = List.of("cold", "warm");
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(10);
        boolean closed = true;
        Duration ramp = Duration.ofSeconds(5);
        Duration thinkTime = Duration.ZERO;
        boolean saturation = true;
        int saturationStart = 1_000;
        int saturationStep = 1_000;
        int saturationMax = 30_000;
        Duration saturationDuration = Duration.ofSeconds(15);
        int saturationP99Ms = 500;
        int companies = SeedPlan.BENCH.companies();
        int branches = SeedPlan.BENCH.branchesPerCompany();
        int numbers = SeedPlan.BENCH.numbersPerBranch();
        int targetRate = 2_000;
        int targetP99Ms = 5;
        boolean writeDocs = true;
        Duration startTimeout = Duration.ofMinutes(3);
        Path resultsDir;

        Builder(Path resultsDir) {
            this.resultsDir = resultsDir;
        }

        /** @return whether the option consumed the value */
        boolean apply(String option, String value) {
            switch (option) {
                case "--url" -> url = value;
                case "--token" -> token = value;
                case "--rates" -> rates = positiveInts(value);
                case "--cache" -> caches = cacheStates(value);
                case "--duration" -> duration = DurationText.parse(value);
                case "--warmup" -> warmup = DurationText.parse(value);
                case "--ramp" -> ramp = DurationText.parse(value);
                case "--think-time" -> thinkTime = DurationText.parse(value);
                case "--saturation-start" -> saturationStart = positiveInt(value);
                case "--saturation-step" -> saturationStep = positiveInt(value);
                case "--saturation-max" -> saturationMax = positiveInt(value);
                case "--saturation-duration" -> saturationDuration = DurationText.parse(value);
                case "--saturation-p99" -> saturationP99Ms = positiveInt(value);
                case "--companies" -> companies = positiveInt(value);
                case "--branches" -> branches = positiveInt(value);
                case "--numbers" -> numbers = positiveInt(value);
                case "--target-rate" -> targetRate = positiveInt(value);
                case "--target-p99" -> targetP99Ms = positiveInt(value);
                case "--start-timeout" -> startTimeout = DurationText.parse(value);
                case "--results" -> resultsDir = Path.of(value).toAbsolutePath();
                case "--no-closed" -> {
                    closed = false;
                    return false;
                }
                case "--no-saturation" -> {
                    saturation = false;
                    return false;
                }
                case "--no-docs" -> {
                    writeDocs = false;
                    return false;
                }
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
            return true;
        }

        BenchOptions build(String target) {
            return new BenchOptions(target, url, token, rates, caches, duration, warmup, closed, ramp, thinkTime, saturation,
                    saturationStart, saturationStep, saturationMax, saturationDuration, saturationP99Ms,
                    new SeedPlan(companies, branches, numbers), targetRate, targetP99Ms, writeDocs, startTimeout, resultsDir);
        }

        private static List<Integer> positiveInts(String value) {
            return Arrays.stream(value.split(",")).map(String::trim).map(Builder::positiveInt).toList();
        }

        private static int positiveInt(String value) {
            try {
                int number = Integer.parseInt(value.trim().replace("_", ""));
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("Not a positive number: '" + value + "'");
        }

        private static List<String> cacheStates(String value) {
            List<String> states = Arrays.stream(value.toLowerCase(Locale.ROOT).split(",")).map(String::trim).toList();
            if (states.isEmpty() || !List.of("cold", "warm").containsAll(states)) {
                throw new IllegalArgumentException("--cache takes cold, warm or cold,warm");
            }
            return states;
        }
    }
}
