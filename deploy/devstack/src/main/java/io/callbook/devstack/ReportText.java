package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ops report (GET /v1/ops/reports/{id}) as text: a head line, each step's summary and tables, then all findings
 * (new ones marked), then the actions taken or, in a dry run, the ones that would be.
 */
final class ReportText {

    private ReportText() {
    }

    static String report(JsonNode report) {
        StringBuilder text = new StringBuilder();
        text.append("Report ").append(report.path("id").asText()).append(" · ").append(report.path("status").asText())
                .append(" · ").append(options(report.path("options")))
                .append(" · ").append(report.path("trigger").asText("api"));
        if (report.hasNonNull("requestedBy")) {
            text.append(" by ").append(report.path("requestedBy").asText());
        }
        text.append('\n');
        text.append("Started ").append(report.path("startedAt").asText("?"));
        duration(report).ifPresent(d -> text.append(", took ").append(d));
        text.append('\n');
        if (report.hasNonNull("error") && !report.path("error").asText().isBlank()) {
            text.append("Error: ").append(report.path("error").asText()).append('\n');
        }
        List<JsonNode> findings = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (JsonNode step : report.path("steps")) {
            text.append('\n').append("== ").append(step.path("step").asText());
            if (step.has("durationMs")) {
                text.append(String.format(Locale.ROOT, " (%.1f s)", step.path("durationMs").asLong() / 1000.0));
            }
            if (!step.path("summary").asText("").isBlank()) {
                text.append(": ").append(step.path("summary").asText());
            }
            text.append('\n');
            for (JsonNode table : step.path("tables")) {
                text.append('\n').append(table(table));
            }
            step.path("findings").forEach(findings::add);
            step.path("actions").forEach(action -> actions.add(action.asText()));
        }
        List<String> newKeys = new ArrayList<>();
        report.path("newFindings").forEach(finding -> newKeys.add(finding.path("key").asText()));
        text.append('\n').append("Findings");
        if (findings.isEmpty()) {
            text.append(": none\n");
        } else {
            text.append(" (").append(findings.size()).append(", ").append(newKeys.size()).append(" new)\n");
            findings.forEach(finding -> text.append(finding(finding, newKeys.contains(finding.path("key").asText()))));
        }
        boolean dryRun = report.path("options").path("dryRun").asBoolean(false);
        text.append('\n').append(dryRun ? "Actions (dry run: not done)" : "Actions");
        if (actions.isEmpty()) {
            text.append(": none\n");
        } else {
            text.append('\n');
            actions.forEach(action -> text.append("  - ").append(action).append('\n'));
        }
        return text.toString();
    }

    /** A titled table, indented. */
    static String table(JsonNode table) {
        List<String> columns = new ArrayList<>();
        table.path("columns").forEach(column -> columns.add(column.asText()));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table.path("rows")) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(cell.isNull() ? "" : cell.asText()));
            rows.add(cells);
        }
        String title = table.path("title").asText("");
        return (title.isBlank() ? "" : "  " + title + "\n")
                + (rows.isEmpty() ? "    (no rows)\n" : TextTable.render(columns, rows, "    "));
    }

    static String finding(JsonNode finding, boolean isNew) {
        StringBuilder text = new StringBuilder("  ").append(isNew ? "NEW " : "")
                .append('[').append(finding.path("kind").asText()).append("] ");
        if (!finding.path("service").asText("").isBlank()) {
            text.append(finding.path("service").asText()).append(": ");
        }
        text.append(finding.path("text").asText()).append('\n');
        if (finding.hasNonNull("action") && !finding.path("action").asText().isBlank()) {
            text.append("      ").append(finding.path("action").asText()).append('\n');
        }
        return text.toString();
    }

    /** "cache, analyze (dry run)" */
    static String options(JsonNode options) {
        List<String> steps = new ArrayList<>();
        for (String step : List.of("cache", "pool", "analyze", "indexes")) {
            if (options.path(step).asBoolean(false)) {
                steps.add(step);
            }
        }
        return (steps.isEmpty() ? "no steps" : String.join(", ", steps))
                + (options.path("dryRun").asBoolean(false) ? " (dry run)" : "");
    }

    /** The reports list: one line each. */
    static String list(JsonNode page) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode report : page.path("items")) {
            rows.add(List.of(report.path("id").asText(), report.path("startedAt").asText(""), report.path("trigger").asText(""),
                    options(report.path("options")), report.path("status").asText(""),
                    report.path("status").asText("").equals("RUNNING") ? report.path("progress").asInt() + "%" : "",
                    Integer.toString(report.path("newFindings").size())));
        }
        if (rows.isEmpty()) {
            return "No reports yet: ./callbook ops optimize --analyze --dry-run makes one.\n";
        }
        return TextTable.render(List.of("id", "started", "trigger", "steps", "status", "progress", "new findings"), rows, "");
    }

    private static java.util.Optional<String> duration(JsonNode report) {
        try {
            if (report.hasNonNull("startedAt") && report.hasNonNull("finishedAt")) {
                Duration took = Duration.between(Instant.parse(report.path("startedAt").asText()),
                        Instant.parse(report.path("finishedAt").asText()));
                return java.util.Optional.of(String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
            }
        } catch (RuntimeException e) {
            // a time in another format: leave it out
        }
        return java.util.Optional.empty();
    }
}
