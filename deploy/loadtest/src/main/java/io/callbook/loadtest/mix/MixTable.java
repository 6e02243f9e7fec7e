package io.callbook.loadtest.mix;

import io.callbook.loadtest.harness.NamedUsage;
import io.callbook.loadtest.harness.ProcessUsage;
import io.callbook.loadtest.harness.ResponseStats;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.RunUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mix's summary as a console table and as Markdown for docs/benchmarks.md: a row per step and the suite-wide row
 * (count, rate, latency, errors, the design's target), then a row per service (CPU, peak RSS, CPU per call), since
 * the mix loads the whole suite at once.
 */
final class MixTable {

    private static final String STEPS_FORMAT = "%-20s %8s %7s %5s %5s %5s %6s %7s %6s %9s  %s%n";
    private static final String SERVICES_FORMAT = "%-20s %10s %7s %12s%n";
    private static final List<String> STEP_HEADINGS = List.of("step", "count", "ok/s", "p50", "p95", "p99", "max",
            "errors", "err %", "p99 target", "FLAG");
    private static final List<String> SERVICE_HEADINGS = List.of("process", "CPU %", "RSS MB", "CPU ms/call");

    private MixTable() {
    }

    static String console(MixResult result) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, STEPS_FORMAT, STEP_HEADINGS.toArray()));
        table.append(String.format(Locale.ROOT, STEPS_FORMAT, "", "", "", "ms", "ms", "ms", "ms", "", "", "", ""));
        stepRows(result).forEach(row -> table.append(String.format(Locale.ROOT, STEPS_FORMAT, row.toArray())));
        table.append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, SERVICES_FORMAT, SERVICE_HEADINGS.toArray()));
        table.append(String.format(Locale.ROOT, SERVICES_FORMAT, "", "1 core=100", "peak", ""));
        serviceRows(result).forEach(row -> table.append(String.format(Locale.ROOT, SERVICES_FORMAT, row.toArray())));
        return table.toString();
    }

    static String markdown(MixResult result) {
        return markdown(STEP_HEADINGS, stepRows(result)) + "\n" + markdown(SERVICE_HEADINGS, serviceRows(result));
    }

    private static String markdown(List<String> headings, List<List<String>> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| ").append(String.join(" | ", headings)).append(" |\n");
        table.append("|").append("---|".repeat(headings.size())).append("\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return table.toString();
    }

    private static List<List<String>> stepRows(MixResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (RunResult step : result.steps()) {
            int target = MixStep.of(step.scenario()).p99TargetMs();
            rows.add(cells(step, target > 0 ? "≤ " + target + " ms" : "—"));
        }
        rows.add(cells(result.total(), "≥ " + MixBench.TARGET_RATE + "/s"));
        return rows;
    }

    private static List<String> cells(RunResult row, String target) {
        ResponseStats stats = row.stats();
        String flags = String.join(" ", row.flags());
        return List.of(row.scenario(), Long.toString(stats.total()),
                String.format(Locale.ROOT, "%.1f", row.achievedRate()), Integer.toString(stats.p50()),
                Integer.toString(stats.p95()), Integer.toString(stats.p99()), Integer.toString(stats.max()),
                Long.toString(stats.ko()), String.format(Locale.ROOT, "%.2f", stats.errorPercent()), target,
                flags.isEmpty() ? "ok" : flags);
    }

    /** CPU per call: what one simulated call costs each service, portable between machines unlike latency. */
    private static List<List<String>> serviceRows(MixResult result) {
        double seconds = result.total().windowSeconds();
        List<List<String>> rows = new ArrayList<>();
        RunUsage usage = result.total().usage();
        for (NamedUsage process : usage.parts()) {
            rows.add(usageCells(process.name(), process.usage(), seconds, result.calls()));
        }
        for (NamedUsage process : usage.others()) {
            rows.add(usageCells(process.name(), process.usage(), seconds, result.calls()));
        }
        rows.add(usageCells("load generator", usage.generator(), seconds, result.calls()));
        rows.add(usageCells("machine (all cores)", usage.machine(), seconds, result.calls()));
        return rows;
    }

    private static List<String> usageCells(String process, ProcessUsage usage, double seconds, long calls) {
        if (!usage.isKnown()) {
            return List.of(process, "n/a", "n/a", "n/a");
        }
        String perCall = calls == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", usage.cpuMillisPer(calls));
        return List.of(process, String.format(Locale.ROOT, "%.0f", usage.cpuPercent()),
                usage.peakRssMb() < 0 ? "—" : Long.toString(usage.peakRssMb()), perCall);
    }
}
