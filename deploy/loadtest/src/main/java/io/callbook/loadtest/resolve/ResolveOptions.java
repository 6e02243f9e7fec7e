package io.callbook.loadtest.resolve;

import io.callbook.loadtest.harness.BenchOptions;
import io.callbook.loadtest.harness.CommonOptions;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.OptionArgs;
import io.callbook.loadtest.harness.SuiteService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line of {@code ./callbook bench resolve}. */
public record ResolveOptions(CommonOptions common, List<Integer> rates, List<String> caches, boolean closed, Duration ramp,
                      Duration thinkTime, boolean saturation, int saturationStart, int saturationStep, int saturationMax,
                      Duration saturationDuration, int saturationP99Ms, SeedPlan seedPlan, int targetRate, int targetP99Ms)
        implements BenchOptions {

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
            """ + CommonOptions.HELP;

    static ResolveOptions parse(List<String> args, Path defaultResultsDir) {
        Builder options = new Builder(new CommonOptions.Builder(SuiteService.RESOLVER.localUrl(), defaultResultsDir));
        OptionArgs.parse(args, options::apply);
        return options.build();
    }

    /** The bench may start the local suite only when it measures the local resolver. */
    public boolean targetsLocalSuite() {
        return SuiteService.RESOLVER.isLocal(common.url());
    }

    private static final class Builder {
        final CommonOptions.Builder common;
        List<Integer> rates = List.of(500, 2_000, 5_000);
        List<String> caches = List.of("cold", "warm");
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

        Builder(CommonOptions.Builder common) {
            this.common = common;
        }

        /** @return whether the option consumed the value */
        boolean apply(String option, String value) {
            switch (option) {
                case "--rates" -> rates = OptionArgs.positiveInts(value);
                case "--cache" -> caches = cacheStates(value);
                case "--ramp" -> ramp = DurationText.parse(value);
                case "--think-time" -> thinkTime = DurationText.parse(value);
                case "--saturation-start" -> saturationStart = OptionArgs.positiveInt(value);
                case "--saturation-step" -> saturationStep = OptionArgs.positiveInt(value);
                case "--saturation-max" -> saturationMax = OptionArgs.positiveInt(value);
                case "--saturation-duration" -> saturationDuration = DurationText.parse(value);
                case "--saturation-p99" -> saturationP99Ms = OptionArgs.positiveInt(value);
                case "--companies" -> companies = OptionArgs.positiveInt(value);
                case "--branches" -> branches = OptionArgs.positiveInt(value);
                case "--numbers" -> numbers = OptionArgs.positiveInt(value);
                case "--target-rate" -> targetRate = OptionArgs.positiveInt(value);
                case "--target-p99" -> targetP99Ms = OptionArgs.positiveInt(value);
                case "--no-closed" -> {
                    closed = false;
                    return false;
                }
                case "--no-saturation" -> {
                    saturation = false;
                    return false;
                }
                default -> {
                    return common.apply(option, value);
                }
            }
            return true;
        }

        ResolveOptions build() {
            return new ResolveOptions(common.build(), rates, caches, closed, ramp, thinkTime, saturation, saturationStart,
                    saturationStep, saturationMax, saturationDuration, saturationP99Ms,
                    new SeedPlan(companies, branches, numbers), targetRate, targetP99Ms);
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
