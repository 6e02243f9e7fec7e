package io.callbook.loadtest;

import java.util.List;
import java.util.Locale;

/**
 * The bench's summary, as a fixed-width console table and as Markdown rows for docs/benchmarks.md. The CPU and RSS
 * columns are named after the service under test ("resolver", "booking").
 */
final class ResultTable {

    private static final String CONSOLE_FORMAT = "%-22s %-5s %8s %10s %5s %5s %5s %6s %6s %12s %11s %8s  %s%n";

    private ResultTable() {
    }

    static List<String> headings(String service) {
        return List.of("scenario", "cache", "asked/s", "achieved/s", "p50", "p95", "p99", "max", "err %",
                service + " CPU %", service + " RSS MB", "generator CPU %", "FLAG");
    }

    static String console(List<RunResult> results, String service) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, CONSOLE_FORMAT, "scenario", "cache", "asked/s", "achieved/s", "p50", "p95",
                "p99", "max", "err %", service + " CPU%", service + " RSS", "gen CPU%", "FLAG"));
        table.append(String.format(Locale.ROOT, CONSOLE_FORMAT, "", "", "", "", "ms", "ms", "ms", "ms", "", "1 core=100",
                "MB", "", ""));
        for (RunResult result : results) {
            table.append(String.format(Locale.ROOT, CONSOLE_FORMAT, (Object[]) cells(result).toArray(String[]::new)));
        }
        return table.toString();
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
                result.service().isKnown() ? Long.toString(result.service().peakRssMb()) : "n/a",
                cpu(result.generator()),
                flags.isEmpty() ? "ok" : flags);
    }

    private static String cpu(ProcessUsage usage) {
        return usage.isKnown() ? String.format(Locale.ROOT, "%.0f", usage.cpuPercent()) : "n/a";
    }
}
