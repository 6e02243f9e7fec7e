package io.callbook.loadtest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** A bench's Gatling runs, one after the other: numbered, each measured run measured and kept as a {@link RunResult}. */
final class MeasuredRuns {

    private final GatlingRunner gatling;
    private final OptionalLong servicePid;
    private final PrintStream out;
    private final List<RunResult> results = new ArrayList<>();
    private int runNumber;

    private MeasuredRuns(GatlingRunner gatling, OptionalLong servicePid, PrintStream out) {
        this.gatling = gatling;
        this.servicePid = servicePid;
        this.out = out;
    }

    /**
     * @param service the service under test, e.g. "booking-service"; its JVM is found by the devstack's marker
     * @param port    its HTTP port
     */
    static MeasuredRuns of(GatlingRunner gatling, String service, int port, PrintStream out) {
        OptionalLong pid = ServicePids.find(service, port);
        out.println(pid.isPresent()
                ? service + " JVM: pid " + pid.getAsLong() + " (CPU and RSS measured from /proc)"
                : service + " JVM: not found on this machine (no -Dcallbook.process=" + service + " on port " + port
                + "): CPU and RSS are n/a");
        return new MeasuredRuns(gatling, pid, out);
    }

    /** An unmeasured run, e.g. so that the JIT has compiled what the measured run exercises; no report is kept. */
    void warmUp(String load, SimulationSettings settings) {
        out.printf("%n--- warm-up: %s for %s (not measured) ---%n", load, DurationText.format(settings.duration()));
        gatling.run(String.format("%02d-warmup", runNumber), settings, false, null);
    }

    /** @param cache cold or warm, or empty when no cache is involved */
    RunResult measure(String scenario, String cache, SimulationSettings settings) {
        runNumber++;
        String runName = String.format(Locale.ROOT, "%02d-%s%s", runNumber,
                scenario.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""), cache.isEmpty() ? "" : "-" + cache);
        out.printf("%n=== run %d: %s%s, %s ===%n", runNumber, scenario, cache.isEmpty() ? "" : ", " + cache + " cache",
                DurationText.format(settings.duration()));
        MeasuredWindow window = new MeasuredWindow(servicePid);
        Path report = gatling.run(runName, settings, true, window);
        RunResult result = new RunResult(scenario, cache, settings.askedRate(), settings.users(), GatlingReport.read(report),
                window.seconds(), window.service(), window.generator(), report);
        out.printf("=== run %d done: %.0f/s achieved, p99 %d ms, errors %.2f %%%s — %s ===%n", runNumber,
                result.achievedRate(), result.stats().p99(), result.stats().errorPercent(),
                result.isFlagged() ? " — FLAGGED " + result.flags() : "", report.resolve("index.html"));
        GatlingReport.errors(report).stream().limit(3).forEach(error -> out.println("    error: " + error));
        results.add(result);
        return result;
    }

    List<RunResult> results() {
        return List.copyOf(results);
    }
}
