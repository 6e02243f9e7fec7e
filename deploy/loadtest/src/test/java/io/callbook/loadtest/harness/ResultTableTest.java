package io.callbook.loadtest.harness;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The columns every bench prints: the service's CPU per operation, and what the rest of the machine spent. */
class ResultTableTest {

    private static final long THIRTY_SECONDS = 30_000_000_000L;

    @Test
    void markdownRowCarriesCpuPerOperationAndTheOthers() {
        String table = ResultTable.markdown(List.of(run()), "resolver");

        List<String> lines = table.lines().toList();
        assertEquals("| scenario | cache | asked/s | achieved/s | p50 | p95 | p99 | max | err % | resolver CPU % |"
                + " resolver CPU ms/op | resolver RSS MB | generator CPU % | machine CPU % | FLAG | others CPU % (ms/op) |",
                lines.get(0));
        assertEquals("| open 2000/s | warm | 2000 | 2000 | 1 | 2 | 4 | 30 | 0.00 | 90 | 0.450 | 480 | 60 | 190 | ok"
                + " | booking 2 (0.010) · pg 5 · kafka n/a |", lines.get(2));
    }

    @Test
    void consoleRowsLineUpUnderTheirHeadings() {
        List<String> lines = ResultTable.console(List.of(run()), "resolver").lines().toList();

        assertEquals(3, lines.size());
        String heading = lines.get(0);
        String row = lines.get(2);
        assertEquals(heading.indexOf("resolver ms/op") + "resolver ms/op".length(), row.indexOf("0.450") + "0.450".length());
        assertEquals(heading.indexOf("others CPU% (ms/op)"), row.indexOf("booking 2 (0.010)"));
        assertTrue(lines.get(1).contains("CPU ms per op"), lines.get(1));
    }

    @Test
    void unknownUsageReadsNotAvailable() {
        RunResult unmeasured = new RunResult("book spread", "", 100, 0, new ResponseStats(3_000, 3_000, 0, 5, 9, 12, 40, 6),
                30, RunUsage.UNKNOWN, Path.of("report"));

        String row = ResultTable.markdown(List.of(unmeasured), "booking").lines().toList().get(2);

        assertEquals("| book spread | — | 100 | 100 | 5 | 9 | 12 | 40 | 0.00 | n/a | n/a | n/a | n/a | n/a | ok | — |", row);
        assertEquals("n/a", ResultTable.millisPerOperation(Double.NaN));
        assertEquals("1.250", ResultTable.millisPerOperation(1.25));
    }

    /** 60 000 lookups in 30 s; the resolver spent 27 s of CPU (0.450 ms each), booking 0.6 s, PostgreSQL 1.5 s. */
    private static RunResult run() {
        ProcessUsage resolver = ProcessUsage.of(2_700, 100, THIRTY_SECONDS, 480 * 1024);
        RunUsage usage = new RunUsage(resolver, List.of(new NamedUsage("resolver", resolver, true)),
                List.of(new NamedUsage("booking", ProcessUsage.of(60, 100, THIRTY_SECONDS, -1), true),
                        new NamedUsage("pg", ProcessUsage.of(150, 100, THIRTY_SECONDS, -1), false),
                        new NamedUsage("kafka", ProcessUsage.UNKNOWN, false)),
                ProcessUsage.of(1_800, 100, THIRTY_SECONDS, -1), ProcessUsage.of(5_700, 100, THIRTY_SECONDS, -1));
        return new RunResult("open 2000/s", "warm", 2_000, 0, new ResponseStats(60_000, 60_000, 0, 1, 2, 4, 30, 1), 30,
                usage, Path.of("report"));
    }
}
