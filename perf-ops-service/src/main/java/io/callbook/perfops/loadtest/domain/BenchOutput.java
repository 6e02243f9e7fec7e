package io.callbook.perfops.loadtest.domain;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What a bench printed, read line by line as it comes: the last lines (its log tail), the results folder its header
 * names ({@code Reports: <dir>}) and the results block it prints at the end (from {@code Results (...)} up to
 * {@code HTML reports: ...}: the table and its notes). Thread-safe: one thread writes, requests read.
 */
public final class BenchOutput {

    static final String REPORTS_PREFIX = "Reports: ";
    static final String RESULTS_PREFIX = "Results (";
    static final String RESULTS_END_PREFIX = "HTML reports: ";
    /** The results block of the mix has two tables and a dozen notes; a runaway block is cut. */
    private static final int MAX_RESULT_LINES = 400;

    private final int tailLines;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> results = new ArrayList<>();
    private boolean inResults;
    private Path reportsDir;

    public BenchOutput(int tailLines) {
        this.tailLines = Math.max(1, tailLines);
    }

    public synchronized void accept(String line) {
        tail.addLast(line);
        if (tail.size() > tailLines) {
            tail.removeFirst();
        }
        if (reportsDir == null && line.startsWith(REPORTS_PREFIX)) {
            try {
                reportsDir = Path.of(line.substring(REPORTS_PREFIX.length()).trim());
            } catch (RuntimeException e) {
                // not a path: the summary then comes from the printed block alone
            }
        }
        if (line.startsWith(RESULTS_PREFIX)) { // a bench printing its results twice: the last block counts
            results.clear();
            inResults = true;
        }
        if (inResults) {
            if (line.startsWith(RESULTS_END_PREFIX)) {
                inResults = false;
            } else if (results.size() < MAX_RESULT_LINES) {
                results.add(line);
            }
        }
    }

    public synchronized String tail() {
        return String.join("\n", tail);
    }

    /** The results block as printed; empty when the bench ended before printing one. */
    public synchronized Optional<String> resultsText() {
        List<String> lines = new ArrayList<>(results);
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    public synchronized Optional<Path> reportsDir() {
        return Optional.ofNullable(reportsDir);
    }
}
