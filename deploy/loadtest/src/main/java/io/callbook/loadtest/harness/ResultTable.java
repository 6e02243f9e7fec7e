package io.callbook.loadtest.harness;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The bench's summary, as a fixed-width console table and as Markdown rows for docs/benchmarks.md. The columns of the
 * service under test are named after it ("resolver", "booking"); the other processes of the suite share one column.
 */
public final class ResultTable {

    private static final String CONSOLE_FORMAT =
            "%-22s %-5s %8s %10s %5s %5s %5s %6s %6s %13s %14s %12s %8s %12s  %-9s %s";

    private ResultTable() {
    }

    static List<String> headings(String service) {
        return List.of("scenario", "cache", "asked/s", "achieved/s", "p50", "p95", "p99", "max", "err %",
                service + " CPU %", service + " CPU ms/op", service + " RSS MB", "generator CPU %", "machine CPU %", "FLAG",
                "others CPU % (ms/op)");
    }

    static String console(List<RunResult> results, String service) {
        StringBuilder table = new StringBuilder();
        consoleLine(table, "scenario", "cache", "asked/s", "achieved/s", "p50", "p95", "p99", "max", "err %",
                service + " CPU%", service + " ms/op", service + " RSS", "gen CPU%", "machine CPU%", "FLAG",
                "others CPU% (ms/op)");
        consoleLine(table, "", "", "", "", "ms", "ms", "ms", "ms", "", "1 core=100", "CPU ms per op", "MB", "", "", "", "");
        for (RunResult result : results) {
            consoleLine(table, cells(result).toArray(String[]::new));
        }
        return table.toString();
    }

    private static void consoleLine(StringBuilder table, String... cells) {
        table.append(String.format(Locale.ROOT, CONSOLE_FORMAT, (Object[]) cells).stripTrailing()).append('\n');
    }

    static String markdown(List<RunResult> results, String service) {
        List<String> headings = headings(service);
        StringBuilder table = new StringBuilder();
        table.append("| ").append(String.join(" | ", headings)).append(" |\n");
        table.append("|").append("---|".repeat(headings.size())).append("\n");
        for (RunResult result : results) {
            table.append("| ").append(String.join(" | ", cells(result))).append(" |\n");
        }
        return table.toString();
    }

    /** CPU time per operation, e.g. "0.042"; "n/a" when unknown. */
    public static String millisPerOperation(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.3f", millis);
    }

    /**
     * The other processes in one cell, e.g. "booking 40 (0.120) · pg 35 · redis 3": CPU %, and for services also CPU
     * ms per operation of the run (the operations of the service under test).
     */
    static String others(RunResult result) {
        if (result.usage().others().isEmpty()) {
            return "—";
        }
        return result.usage().others().stream().map(other -> other.name() + " " + cpu(other.usage())
                        + (other.perOperation() && other.usage().isKnown()
                        ? " (" + millisPerOperation(other.usage().cpuMillisPer(result.stats().ok())) + ")" : ""))
                .collect(Collectors.joining(" · "));
    }

    private static List<String> cells(RunResult result) {
        ResponseStats stats = result.stats();
        String flags = String.join(" ", result.flags());
        return List.of(
                result.scenario(),
                result.cache().isEmpty() ? "—" : result.cache(),
                result.askedRate() > 0 ? Integer.toString(result.askedRate()) : "—",
                String.format(Locale.ROOT, "%.0f", result.achievedRate()),
                Integer.toString(stats.p50()),
                Integer.toString(stats.p95()),
                Integer.toString(stats.p99()),
                Integer.toString(stats.max()),
                String.format(Locale.ROOT, "%.2f", stats.errorPercent()),
                cpu(result.service()),
                millisPerOperation(result.cpuMillisPerOperation()),
                result.service().isKnown() && result.service().peakRssMb() >= 0 ? Long.toString(result.service().peakRssMb()) : "n/a",
                cpu(result.generator()),
                cpu(result.usage().machine()),
                flags.isEmpty() ? "ok" : flags,
                others(result));
    }

    private static String cpu(ProcessUsage usage) {
        return usage.isKnown() ? String.format(Locale.ROOT, "%.0f", usage.cpuPercent()) : "n/a";
    }
}
