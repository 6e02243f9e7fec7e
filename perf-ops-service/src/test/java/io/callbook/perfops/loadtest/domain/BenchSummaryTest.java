package io.callbook.perfops.loadtest.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.perfops.operation.domain.ReportTable;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchSummaryTest {

    private static final List<String> PRINTED = List.of(
            "Callbook bench: resolve against http://127.0.0.1:8081",
            "Reports: /repo/deploy/loadtest/target/bench/20260101-120000",
            "",
            "Local suite: http://127.0.0.1:8081 ready; left running afterwards.",
            "Results (4000 numbers; 30 s per run; the load generator shares this machine's 2 cores with the suite):",
            "",
            "scenario               cache  asked/s achieved/s   p50",
            "open 2000/s            warm      2000       1998     1",
            "",
            "p99 target met.",
            "HTML reports: /repo/deploy/loadtest/target/bench/20260101-120000/<run>/index.html",
            "Appended to /repo/docs/benchmarks.md");

    @Test
    void theOutputGivesTheResultsBlockTheReportsFolderAndTheTail() {
        BenchOutput output = new BenchOutput(3);
        PRINTED.forEach(output::accept);
        assertEquals(Optional.of(Path.of("/repo/deploy/loadtest/target/bench/20260101-120000")), output.reportsDir());
        assertEquals(String.join("\n", PRINTED.subList(4, 10)), output.resultsText().orElseThrow());
        assertEquals(String.join("\n", PRINTED.subList(9, 12)), output.tail());
    }

    @Test
    void withoutResultsThereIsNoSummary() {
        BenchOutput output = new BenchOutput(10);
        output.accept("Bench failed: resolver not ready");
        assertTrue(output.resultsText().isEmpty());
        assertTrue(BenchSummary.of("resolve", output, Optional.empty()).isEmpty());
    }

    @Test
    void theSummaryFileGivesTablesAndNotes() throws Exception {
        BenchOutput output = new BenchOutput(10);
        PRINTED.forEach(output::accept);
        var file = new ObjectMapper().readTree("""
                {"target":"mix","data":"250 calls","markdown":"| step | p99 |\\n|---|---|\\n| resolve | 4 |\\n| book | 20 |\\n\\n| service | CPU ms/call |\\n|---|---|\\n| booking | 1.5 |\\n","notes":["ok"]}""");
        BenchSummary summary = BenchSummary.of("mix", output, Optional.of(file)).orElseThrow();
        assertEquals(List.of(new ReportTable("mix results", List.of("step", "p99"), List.of(List.of("resolve", "4"), List.of("book", "20"))),
                new ReportTable("mix results (2)", List.of("service", "CPU ms/call"), List.of(List.of("booking", "1.5")))), summary.tables());
        assertEquals(List.of("ok"), summary.notes());
        assertEquals("250 calls", summary.data());
        assertEquals("/repo/deploy/loadtest/target/bench/20260101-120000", summary.reportsDir());
        assertTrue(summary.text().startsWith("Results (4000 numbers"));
    }
}
