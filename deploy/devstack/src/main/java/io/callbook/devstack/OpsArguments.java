package io.callbook.devstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code ./callbook ops}: optimize with its flags, reports [ID], bench NAME [ARGS...], or help.
 * Mistakes throw IllegalArgumentException with what is wrong (exit status 2).
 */
sealed interface OpsArguments {

    String USAGE = """
            Usage: ./callbook ops <command> [options]

            Performance operations of the running suite, through perf-ops-service's API (the suite's platform-admin
            token, from .callbook/bootstrap.key). Start the suite first: ./callbook up.

            Commands
              optimize [--cache] [--analyze] [--pool] [--indexes] [--dry-run] [--fail-on-new-advice]
                         Runs the steps asked for as one job, shows its progress and prints its report.
                         --cache     every service warms its caches
                         --analyze   slow queries, N+1 routes, sequential scans, index advice
                         --pool      each service's connection pool
                         --indexes   creates the advised indexes that are missing
                         --dry-run   reports what would be done, changes nothing
                         --fail-on-new-advice  exit status 3 when the run gives advice the last run did not (CI)
              reports [ID]
                         The last reports, newest first; with ID that report in full.
              bench <resolve|booking|webhooks|mix|peers> [options...]
                         Starts a load test through perf-ops (it uses the running suite), follows its output and
                         prints its results; the options are ./callbook bench's (./callbook bench <name> --help).
              help       This text.

            Exit status: 0 done; 1 the suite is not running, the API refused or the run failed; 2 a usage mistake;
            3 new advice with --fail-on-new-advice; ops bench: the bench's own exit status.
            Example: ./callbook ops optimize --cache --analyze --dry-run
            """;

    /** POST /v1/ops/optimize's body: step name → asked (cache, analyze, pool, indexes, dryRun). */
    record Optimize(Map<String, Boolean> options, boolean failOnNewAdvice) implements OpsArguments {
    }

    record Reports(Optional<String> id) implements OpsArguments {
    }

    record Bench(String bench, List<String> args) implements OpsArguments {
    }

    record Help() implements OpsArguments {
    }

    static OpsArguments parse(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty() || List.of("help", "-h", "--help").contains(rest.get(0))) {
            return new Help();
        }
        String command = rest.remove(0);
        return switch (command) {
            case "optimize" -> optimize(rest);
            case "reports" -> reports(rest);
            case "bench" -> bench(rest);
            default -> throw new IllegalArgumentException("Unknown ops command: " + command + " (optimize, reports, bench or help)");
        };
    }

    private static OpsArguments optimize(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            return new Help();
        }
        Map<String, Boolean> options = new LinkedHashMap<>();
        for (String step : List.of("cache", "analyze", "pool", "indexes", "dryRun")) {
            options.put(step, false);
        }
        boolean failOnNewAdvice = false;
        for (String arg : args) {
            switch (arg) {
                case "--cache" -> options.put("cache", true);
                case "--analyze" -> options.put("analyze", true);
                case "--pool" -> options.put("pool", true);
                case "--indexes" -> options.put("indexes", true);
                case "--dry-run" -> options.put("dryRun", true);
                case "--fail-on-new-advice" -> failOnNewAdvice = true;
                default -> throw new IllegalArgumentException("Unknown option for ops optimize: " + arg);
            }
        }
        if (!(options.get("cache") || options.get("analyze") || options.get("pool") || options.get("indexes"))) {
            throw new IllegalArgumentException("Name at least one step: --cache, --analyze, --pool or --indexes");
        }
        return new Optimize(Map.copyOf(options), failOnNewAdvice);
    }

    private static OpsArguments reports(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            return new Help();
        }
        if (args.size() > 1 || (args.size() == 1 && args.get(0).startsWith("-"))) {
            throw new IllegalArgumentException("ops reports takes at most one report id");
        }
        return new Reports(args.stream().findFirst());
    }

    private static OpsArguments bench(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            if (args.contains("--help") || args.contains("-h")) {
                return new Help();
            }
            throw new IllegalArgumentException("Name the bench: ops bench <resolve|booking|webhooks|mix|peers> [options]");
        }
        return new Bench(args.get(0), List.copyOf(args.subList(1, args.size())));
    }
}
