package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.DurationText;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The chaos bench's table: a row per fault (and the baseline before them), as console text and Markdown. */
final class ChaosTable {

    private static final List<String> HEADINGS = List.of("fault", "lasted", "requests during", "errors", "recovery",
            "lost", "duplicated");
    private static final String CONSOLE_FORMAT = "%-30s %8s %16s %7s %9s %5s %11s";

    private ChaosTable() {
    }

    static String console(List<FaultWindows.Row> rows) {
        StringBuilder table = new StringBuilder();
        line(table, HEADINGS.toArray(String[]::new));
        rows.forEach(row -> line(table, cells(row).toArray(String[]::new)));
        line(table, totals(rows).toArray(String[]::new));
        return table.toString();
    }

    static String markdown(List<FaultWindows.Row> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| ").append(String.join(" | ", HEADINGS)).append(" |\n");
        table.append("|---|").append("---:|".repeat(HEADINGS.size() - 1)).append("\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", cells(row))).append(" |\n"));
        table.append("| ").append(String.join(" | ", totals(rows))).append(" |\n");
        return table.toString();
    }

    private static List<String> cells(FaultWindows.Row row) {
        boolean baseline = row.label().equals(FaultWindows.BASELINE);
        return List.of(row.label(), format(row.length()), Long.toString(row.during()), Long.toString(row.errors()),
                baseline ? "–" : row.recovery() == null ? "NONE" : format(row.recovery()),
                Long.toString(row.lost()), Long.toString(row.duplicated()));
    }

    private static List<String> totals(List<FaultWindows.Row> rows) {
        return List.of("all", "", "", Long.toString(rows.stream().mapToLong(FaultWindows.Row::errors).sum()), "",
                Long.toString(rows.stream().mapToLong(FaultWindows.Row::lost).sum()),
                Long.toString(rows.stream().mapToLong(FaultWindows.Row::duplicated).sum()));
    }

    /** Seconds with one decimal: recovery times are seconds, not minutes. */
    static String format(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(100)) >= 0 ? DurationText.format(duration)
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void line(StringBuilder table, String... cells) {
        table.append(String.format(Locale.ROOT, CONSOLE_FORMAT, (Object[]) cells).stripTrailing()).append('\n');
    }
}
