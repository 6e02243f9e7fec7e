package io.callbook.perfops.loadtest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.perfops.operation.domain.ReportTable;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A bench's result: the results block as it printed it ({@code text}) and, from the {@code summary.json} it writes in
 * its results folder, the same figures as tables (columns and rows of formatted cells, like an ops report's) with the
 * bench's notes. Without that file (an older bench, or one that failed before its end) only the text is known.
 *
 * @param reportsDir the folder of the bench's Gatling reports, as the bench named it
 */
@RegisterForReflection // a JSON column and stored summaries, read and written by Jackson
public record BenchSummary(String text, String data, String reportsDir, List<ReportTable> tables, List<String> notes) {

    public BenchSummary {
        tables = tables == null ? List.of() : List.copyOf(tables);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Empty when the bench printed no results and wrote no summary. */
    public static Optional<BenchSummary> of(String bench, BenchOutput output, Optional<JsonNode> summaryFile) {
        String reportsDir = output.reportsDir().map(Object::toString).orElse(null);
        if (summaryFile.isPresent() && summaryFile.get().hasNonNull("markdown")) {
            JsonNode file = summaryFile.get();
            List<String> notes = new ArrayList<>();
            file.path("notes").forEach(note -> notes.add(note.asText()));
            return Optional.of(new BenchSummary(output.resultsText().orElse(file.path("console").asText(null)),
                    file.path("data").asText(null), reportsDir, markdownTables(bench, file.path("markdown").asText()), notes));
        }
        return output.resultsText().map(text -> new BenchSummary(text, null, reportsDir, List.of(), List.of()));
    }

    /**
     * The Markdown tables of a bench's docs block: a header row, a {@code |---|} row, then data rows. The first table
     * is titled after the bench, further ones are numbered.
     */
    static List<ReportTable> markdownTables(String bench, String markdown) {
        List<ReportTable> tables = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            if (isRow(lines.get(i)) && i + 1 < lines.size() && lines.get(i + 1).trim().matches("\\|(\\s*:?-+:?\\s*\\|)+")) {
                List<String> columns = cells(lines.get(i));
                List<List<String>> rows = new ArrayList<>();
                i += 2;
                while (i < lines.size() && isRow(lines.get(i))) {
                    rows.add(cells(lines.get(i)));
                    i++;
                }
                String title = bench + " results" + (tables.isEmpty() ? "" : " (" + (tables.size() + 1) + ")");
                tables.add(new ReportTable(title, columns, rows));
            } else {
                i++;
            }
        }
        return tables;
    }

    private static boolean isRow(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("|") && trimmed.endsWith("|") && trimmed.length() > 1;
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        String inner = trimmed.substring(1, trimmed.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }
}
