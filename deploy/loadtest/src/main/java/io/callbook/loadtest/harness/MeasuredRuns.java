package io.callbook.loadtest.harness;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** A bench's Gatling runs, one after the other: numbered, each measured run measured and kept as a {@link RunResult}. */
public final class MeasuredRuns {

    private final GatlingRunner gatling;
    private final MeasuredProcesses processes;
    private final PrintStream out;
    private final List<RunResult> results = new ArrayList<>();
    private int runNumber;
    private MeasuredWindow lastWindow;

    private MeasuredRuns(GatlingRunner gatling, MeasuredProcesses processes, PrintStream out) {
        this.gatling = gatling;
        this.processes = processes;
        this.out = out;
    }

    /**
     * @param service  the service under test, e.g. "booking-service"; its JVM is found by the devstack's marker
     * @param port     its HTTP port
     * @param repoRoot where the local suite keeps its state: the rest of the suite is measured too
     */
    public static MeasuredRuns of(GatlingRunner gatling, String service, int port, Path repoRoot, PrintStream out) {
        OptionalLong pid = ServicePids.find(service, port);
        out.println(pid.isPresent()
                ? service + " JVM: pid " + pid.getAsLong() + " (CPU and RSS measured from /proc)"
                : service + " JVM: not found on this machine (no -Dcallbook.process=" + service + " on port " + port
                + "): CPU and RSS are n/a");
        List<WatchedProcess> target = pid.stream()
                .mapToObj(p -> WatchedProcess.service(service.replaceAll("-service$", ""), p)).toList();
        List<WatchedProcess> others = SuiteProcesses.find(repoRoot).stream()
                .filter(process -> pid.isEmpty() || process.pid() != pid.getAsLong()).toList();
        return watching(gatling, new MeasuredProcesses(target, others), out);
    }

    /** Runs whose processes the bench names itself, e.g. the peers it started. */
    public static MeasuredRuns watching(GatlingRunner gatling, MeasuredProcesses processes, PrintStream out) {
        out.println("Also measured: " + (processes.others().isEmpty() ? "nothing else found running"
                : processes.others().stream().map(process -> process.name() + " (pid " + process.pid()
                        + (process.withDescendants() ? " and its children" : "") + ")").collect(Collectors.joining(", "))));
        return new MeasuredRuns(gatling, processes, out);
    }

    public MeasuredProcesses processes() {
        return processes;
    }

    /** An unmeasured run, e.g. so that the JIT has compiled what the measured run exercises; no report is kept. */
    public void warmUp(String load, SimulationSettings settings) {
        out.printf("%n--- warm-up: %s for %s (not measured) ---%n", load, DurationText.format(settings.duration()));
        gatling.run(String.format("%02d-warmup", runNumber), settings, false, null);
    }

    /** @param cache cold or warm, or empty when no cache is involved */
    public RunResult measure(String scenario, String cache, SimulationSettings settings) {
        return measure(scenario, cache, settings, processes);
    }

    /** A run of other processes under test than the bench's own, e.g. one of several peers. */
    public RunResult measure(String scenario, String cache, SimulationSettings settings, MeasuredProcesses underTest) {
        runNumber++;
        String runName = String.format(Locale.ROOT, "%02d-%s%s", runNumber,
                scenario.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""), cache.isEmpty() ? "" : "-" + cache);
        out.printf("%n=== run %d: %s%s, %s ===%n", runNumber, scenario, cache.isEmpty() ? "" : ", " + cache + " cache",
                DurationText.format(settings.duration()));
        MeasuredWindow window = new MeasuredWindow(underTest);
        Path report = gatling.run(runName, settings, true, window);
        lastWindow = window;
        RunResult result = new RunResult(scenario, cache, settings.askedRate(), settings.users(), GatlingReport.read(report),
                window.seconds(), window.usage(), report);
        out.printf(Locale.ROOT, "=== run %d done: %.0f/s achieved, p99 %d ms, errors %.2f %%, CPU %s ms per request%s — %s ===%n",
                runNumber, result.achievedRate(), result.stats().p99(), result.stats().errorPercent(),
                ResultTable.millisPerOperation(result.cpuMillisPerOperation()),
                result.isFlagged() ? " — FLAGGED " + result.flags() : "", report.resolve("index.html"));
        GatlingReport.errors(report).stream().limit(3).forEach(error -> out.println("    error: " + error));
        results.add(result);
        return result;
    }

    /**
     * What the processes spent from the start of the last measured run until now: for a row of work that goes on
     * after the run's last request, such as webhooks processed from the inbox.
     */
    public RunUsage usageSinceLastRunStarted() {
        return lastWindow == null ? RunUsage.UNKNOWN : lastWindow.usageUntilNow();
    }

    public List<RunResult> results() {
        return List.copyOf(results);
    }
}
