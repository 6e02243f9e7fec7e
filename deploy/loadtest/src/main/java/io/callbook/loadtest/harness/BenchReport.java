package io.callbook.loadtest.harness;


import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every bench prints and writes: the header, then at the end the table with its notes on the console, a dated
 * block in docs/benchmarks.md, and the exit status.
 */
public final class BenchReport {

    /** In the results folder, which the header names ("Reports: ..."). */
    public static final String SUMMARY_FILE = "summary.json";

    private final Path repoRoot;
    private final Machine machine;
    private final CommonOptions options;
    private final PrintStream out;
    private final ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);

    public BenchReport(Path repoRoot, CommonOptions options, PrintStream out) {
        this.repoRoot = repoRoot;
        this.machine = Machine.describe(repoRoot);
        this.options = options;
        this.out = out;
    }

    public void printHeader(String target) {
        out.printf("Callbook bench: %s against %s%n", target, options.url());
        out.printf("Machine: %s. The load generator (Gatling, this JVM) runs on the same machine and shares its %d cores"
                + " with the suite.%n", machine.describeHardware(), machine.cores());
        out.printf("Reports: %s%n%n", options.resultsDir());
    }

    /** After a failure: what was measured until then, on the console only. */
    public void printPartial(String why, List<RunResult> results, String service) {
        out.printf("%nBench stopped early: %s%nWhat was measured until then (not written to docs/benchmarks.md):%n%n", why);
        out.print(ResultTable.console(results, service));
    }

    /**
     * Prints the table and notes, appends the docs block and tells the exit status.
     *
     * @param target        "resolve", "booking": the heading of the docs block
     * @param service       names the CPU and RSS columns, e.g. "booking"
     * @param data          what the runs worked on, e.g. "4000 numbers"
     * @param judged        the runs whose flags fail the bench (a saturation search's last step is meant to fail)
     * @param benchNotes    the bench's own lines (targets met or missed, ...), before the notes on flags and errors
     * @param targetMissed  whether a latency target was missed
     */
    public int finish(String target, String service, String data, List<RunResult> results, List<RunResult> judged,
               List<String> benchNotes, boolean targetMissed) {
        List<String> notes = new ArrayList<>(benchNotes);
        long flagged = judged.stream().filter(RunResult::isFlagged).count();
        if (flagged > 0) {
            notes.add(flagged + " run(s) FLAGGED: more than " + (int) RunResult.MAX_ERROR_PERCENT + " % errors or less than "
                    + Math.round(RunResult.MIN_RATE_SHARE * 100) + " % of the asked rate.");
        }
        notes.addAll(errorNotes(results, service));
        publish(target, data, ResultTable.console(results, service), ResultTable.markdown(results, service), notes);
        return flagged > 0 ? ExitStatus.FLAGGED : targetMissed ? ExitStatus.TARGET_MISSED : ExitStatus.OK;
    }

    /**
     * Prints the tables and notes, and appends them to docs/benchmarks.md as a dated block unless told not to. A bench
     * whose tables are its own (the mix) calls this itself; the others through {@link #finish}.
     */
    public void publish(String target, String data, String consoleTables, String markdownTables, List<String> notes) {
        out.println();
        out.println("Results (" + data + "; " + DurationText.format(options.duration())
                + " per run; the load generator shares this machine's " + machine.cores() + " cores with the suite):");
        out.println();
        out.print(consoleTables);
        out.println();
        notes.forEach(out::println);
        out.println("HTML reports: " + options.resultsDir() + "/<run>/index.html");
        writeSummary(target, data, consoleTables, markdownTables, notes);
        if (options.writeDocs()) {
            Path docs = repoRoot.resolve("docs/benchmarks.md");
            BenchmarksLog.append(docs, docsBlock(target, data, markdownTables, notes));
            out.println("Appended to " + docs);
        }
    }

    /**
     * {@code <results>/summary.json}: the same tables and notes for a program, e.g. perf-ops-service, which starts
     * benches and keeps their results beside its reports. Written with every run, also with --no-docs.
     */
    private void writeSummary(String target, String data, String consoleTables, String markdownTables, List<String> notes) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("target", target);
        summary.put("startedAt", startedAt.toInstant().toString());
        summary.put("data", data);
        summary.put("durationPerRun", DurationText.format(options.duration()));
        summary.put("console", consoleTables);
        summary.put("markdown", markdownTables);
        summary.put("notes", notes);
        try {
            JsonFiles.write(options.resultsDir().resolve(SUMMARY_FILE), summary);
        } catch (UncheckedIOException e) {
            out.println("No " + SUMMARY_FILE + ": " + e.getMessage());
        }
    }

    private List<String> errorNotes(List<RunResult> results, String service) {
        List<String> notes = new ArrayList<>();
        for (RunResult result : results) {
            List<String> errors = errorsOf(result);
            if (result.stats().ko() > 0 && !errors.isEmpty()) {
                notes.add("Errors of " + result.scenario() + (result.cache().isEmpty() ? "" : " (" + result.cache() + ")")
                        + ": " + String.join("; ", errors.stream().limit(2).toList()) + ".");
            }
        }
        List<String> errors = results.stream().flatMap(r -> errorsOf(r).stream()).toList();
        if (errors.stream().anyMatch(e -> e.contains("Too many open files"))) {
            notes.add("\"Too many open files\" is the load generator's limit: the " + service + " service fell behind, and"
                    + " the open model kept sending, until " + openFilesLimit() + " connections were waiting on it.");
        }
        if (errors.stream().anyMatch(e -> e.contains("found 429"))) {
            notes.add("429 answers: the " + service + " service's rate limiter (per token and route, default 600 a"
                    + " minute) stopped the bench's token; the route needs a @RateLimited name and a higher"
                    + " callbook.rate-limit.routes.<name>.limit, as the resolver has for resolve.");
        }
        return notes;
    }

    /** A row computed from the service's own data (webhook processing) has no Gatling report. */
    private static List<String> errorsOf(RunResult result) {
        return result.report() == null ? List.of() : GatlingReport.errors(result.report());
    }

    private static String openFilesLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.split("\\s+")[3]).findFirst().orElse("all allowed");
        } catch (IOException | RuntimeException e) {
            return "all allowed";
        }
    }

    private String docsBlock(String target, String data, String markdownTables, List<String> notes) {
        return "## Load test: " + target + ", " + startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                + "\n\n"
                + machine.describeCode() + " · " + machine.describeHardware() + " · load generator on the same machine · "
                + data + " · " + DurationText.format(options.duration()) + " per run after a "
                + DurationText.format(options.warmup()) + " warm-up · reports in `"
                + repoRoot.relativize(options.resultsDir()) + "`\n\n"
                + markdownTables + "\n"
                + notes.stream().map(note -> "- " + note + "\n").collect(Collectors.joining());
    }
}
