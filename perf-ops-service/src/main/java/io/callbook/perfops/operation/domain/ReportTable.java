package io.callbook.perfops.operation.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** A table of a report: the CLI prints it as text, the dashboard as HTML. Cells are already formatted. */
@RegisterForReflection // a JSON column and stored summaries, read and written by Jackson
public record ReportTable(String title, List<String> columns, List<List<String>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
