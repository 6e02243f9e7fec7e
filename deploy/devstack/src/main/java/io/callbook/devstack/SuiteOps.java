package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./callbook ops ...}: performance operations of the running suite through perf-ops-service's API, with the
 * suite's platform-admin token (the bootstrap key's groups are platform-admin and ops). A job is followed until it
 * ends (progress, or a load test's output), then its report or results are printed. The exit status is
 * {@link OpsArguments#USAGE}'s.
 */
final class SuiteOps {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NEW_ADVICE = 3;

    private final OpsApi api;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Duration pollInterval;

    SuiteOps(OpsApi api, PrintStream out, PrintStream err, boolean terminal, Duration pollInterval) {
        this.api = api;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.pollInterval = pollInterval;
    }

    /** From ./callbook: finds the running suite's perf-ops-service and a token, then runs the command. */
    static int run(Path root, String[] args, PrintStream out, PrintStream err) {
        OpsArguments command;
        try {
            command = OpsArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + " (./callbook ops --help)");
            return USAGE;
        }
        if (command instanceof OpsArguments.Help) {
            out.print(OpsArguments.USAGE);
            return OK;
        }
        Optional<OpsApi> api;
        try {
            api = connect(root.resolve(".callbook"), err);
        } catch (RuntimeException e) {
            err.println("No token for perf-ops-service: " + e.getMessage());
            return FAILED;
        }
        if (api.isEmpty()) {
            return FAILED;
        }
        boolean terminal = Boolean.parseBoolean(System.getProperty("callbook.terminal",
                Boolean.toString(System.console() != null)));
        return new SuiteOps(api.get(), out, err, terminal, Duration.ofMillis(500)).execute(command);
    }

    /** Empty (with the reason on err) when the suite or its perf-ops-service does not run. */
    private static Optional<OpsApi> connect(Path home, PrintStream err) {
        Optional<SuiteState> suite = InstanceLock.isHeld(home) ? SuiteState.read(home) : Optional.empty();
        if (suite.isEmpty()) {
            err.println("Callbook is not running: start it with ./callbook up (or ./callbook up --detach).");
            return Optional.empty();
        }
        if (suite.get().phase() != SuiteState.Phase.UP) {
            err.println("Callbook is " + suite.get().phase().name().toLowerCase() + "; ./callbook status shows how far it is.");
            return Optional.empty();
        }
        Integer perfOps = suite.get().servicePorts().get("perf-ops-service");
        Integer resolver = suite.get().servicePorts().get("resolver-service");
        if (perfOps == null) {
            err.println("perf-ops-service is not part of this run (it was not built when ./callbook up started).");
            return Optional.empty();
        }
        if (resolver == null) {
            err.println("resolver-service, which makes the tokens, is not part of this run (it was not built).");
            return Optional.empty();
        }
        Path keyFile = home.resolve("bootstrap.key");
        String key;
        try {
            if (!Files.isRegularFile(keyFile)) {
                err.println("No .callbook/bootstrap.key.");
                return Optional.empty();
            }
            key = Files.readString(keyFile).trim();
        } catch (IOException e) {
            err.println("Cannot read .callbook/bootstrap.key: " + e.getMessage());
            return Optional.empty();
        }
        String token = new ServiceApi("http://127.0.0.1:" + resolver).token(key);
        return Optional.of(new OpsApi("http://127.0.0.1:" + perfOps, token));
    }

    int execute(OpsArguments command) {
        try {
            return switch (command) {
                case OpsArguments.Optimize optimize -> optimize(optimize);
                case OpsArguments.Reports reports -> reports(reports);
                case OpsArguments.Bench bench -> bench(bench);
                case OpsArguments.Help help -> {
                    out.print(OpsArguments.USAGE);
                    yield OK;
                }
            };
        } catch (OpsApi.Refused e) {
            err.println(e.getMessage());
            return e.status == 400 ? USAGE : FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted; the job goes on in perf-ops-service.");
            return FAILED;
        }
    }

    private int optimize(OpsArguments.Optimize command) throws InterruptedException {
        JsonNode report = api.startOptimize(command.options());
        String id = report.path("id").asText();
        out.println("Optimize run " + id + " started: " + ReportText.options(report.path("options")));
        ProgressLine progress = new ProgressLine(out, terminal);
        while (report.path("status").asText().equals("RUNNING")) {
            progress.update(report.path("progress").asInt(), report.path("currentStep").asText(""));
            Thread.sleep(pollInterval);
            report = api.report(id);
        }
        progress.update(report.path("progress").asInt(100), report.path("status").asText());
        progress.finish();
        out.println();
        out.print(ReportText.report(report));
        if (report.path("status").asText().equals("FAILED")) {
            err.println("The run failed: " + report.path("error").asText("see the report above"));
            return FAILED;
        }
        JsonNode newFindings = report.path("newFindings");
        if (command.failOnNewAdvice() && newFindings.isArray() && !newFindings.isEmpty()) {
            err.println();
            err.println("New advice since the last run (" + newFindings.size() + "):");
            newFindings.forEach(finding -> err.print(ReportText.finding(finding, true)));
            return NEW_ADVICE;
        }
        return OK;
    }

    private int reports(OpsArguments.Reports command) {
        if (command.id().isPresent()) {
            out.print(ReportText.report(api.report(command.id().get())));
        } else {
            out.print(ReportText.list(api.reports(20)));
        }
        return OK;
    }

    private int bench(OpsArguments.Bench command) throws InterruptedException {
        JsonNode run = api.startLoadTest(command.bench(), command.args());
        String id = run.path("id").asText();
        out.println("Load test " + id + " started: " + command.bench() + " " + String.join(" ", command.args())
                + " (its output follows; Ctrl-C leaves it running)");
        List<String> shown = new ArrayList<>();
        while (true) {
            shown = printNew(shown, lines(run.path("logTail").asText("")));
            if (!run.path("status").asText().equals("RUNNING")) {
                break;
            }
            Thread.sleep(pollInterval.multipliedBy(2));
            run = api.loadTest(id);
        }
        out.println();
        out.println("Load test " + id + ": " + run.path("status").asText()
                + (run.hasNonNull("exitCode") ? " (exit status " + run.path("exitCode").asInt() + ")" : ""));
        JsonNode summary = run.path("summary");
        for (JsonNode table : summary.path("tables")) {
            out.println();
            out.print(ReportText.table(table));
        }
        if (!summary.path("notes").isEmpty()) {
            out.println();
            summary.path("notes").forEach(note -> out.println("  " + note.asText()));
        }
        if (run.hasNonNull("error")) {
            err.println(run.path("error").asText());
        }
        if (run.path("status").asText().equals("SUCCEEDED")) {
            return OK;
        }
        return run.hasNonNull("exitCode") && run.path("exitCode").asInt() != 0 ? run.path("exitCode").asInt() : FAILED;
    }

    /**
     * Prints what the log tail has that was not shown yet. The tail is a sliding window of the last lines: the part
     * shown before is found again at its start, and what follows it is new. Returns the tail, now all shown.
     */
    List<String> printNew(List<String> shown, List<String> tail) {
        for (String line : newLines(shown, tail)) {
            out.println(line);
        }
        return tail;
    }

    static List<String> newLines(List<String> shown, List<String> tail) {
        for (int drop = 0; drop <= shown.size(); drop++) {
            List<String> rest = shown.subList(drop, shown.size());
            if (rest.size() <= tail.size() && tail.subList(0, rest.size()).equals(rest)) {
                return tail.subList(rest.size(), tail.size());
            }
        }
        return tail;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
