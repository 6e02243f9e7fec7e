package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./callbook ops: its command line, tables, progress and reports as text; no suite or service needed. */
class OpsCliTest {

    @Test
    void optimizeFlagsBecomeTheApisOptions() {
        OpsArguments.Optimize optimize = assertInstanceOf(OpsArguments.Optimize.class,
                OpsArguments.parse("optimize", "--cache", "--analyze", "--dry-run"));
        assertEquals(Map.of("cache", true, "analyze", true, "pool", false, "indexes", false, "dryRun", true), optimize.options());
        assertFalse(optimize.failOnNewAdvice());
        OpsArguments.Optimize ci = assertInstanceOf(OpsArguments.Optimize.class,
                OpsArguments.parse("optimize", "--analyze", "--fail-on-new-advice"));
        assertTrue(ci.failOnNewAdvice());
        assertEquals(Map.of("cache", false, "analyze", false, "pool", true, "indexes", true, "dryRun", false),
                ((OpsArguments.Optimize) OpsArguments.parse("optimize", "--pool", "--indexes")).options());
    }

    @Test
    void mistakesAreRefusedWithWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OpsArguments.parse("optimize", "--dry-run"))
                .getMessage().contains("at least one step"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OpsArguments.parse("optimize", "--cache", "--fast"))
                .getMessage().contains("--fast"));
        assertThrows(IllegalArgumentException.class, () -> OpsArguments.parse("warm"));
        assertThrows(IllegalArgumentException.class, () -> OpsArguments.parse("bench"));
        assertThrows(IllegalArgumentException.class, () -> OpsArguments.parse("reports", "a", "b"));
    }

    @Test
    void reportsBenchAndHelp() {
        assertEquals(new OpsArguments.Reports(Optional.empty()), OpsArguments.parse("reports"));
        assertEquals(new OpsArguments.Reports(Optional.of("0190")), OpsArguments.parse("reports", "0190"));
        assertEquals(new OpsArguments.Bench("resolve", List.of("--duration", "30s", "--no-docs")),
                OpsArguments.parse("bench", "resolve", "--duration", "30s", "--no-docs"));
        for (String[] help : List.of(new String[0], new String[] {"--help"}, new String[] {"help"}, new String[] {"-h"},
                new String[] {"optimize", "--help"}, new String[] {"reports", "-h"}, new String[] {"bench", "--help"})) {
            assertInstanceOf(OpsArguments.Help.class, OpsArguments.parse(help));
        }
        assertTrue(OpsArguments.USAGE.contains("--fail-on-new-advice"));
    }

    @Test
    void tablesAlignTextLeftAndNumbersRight() {
        String table = TextTable.render(List.of("service", "calls", "mean ms"),
                List.of(List.of("booking", "1200", "3.5"), List.of("resolver-service", "7", "12.25")), "  ");
        assertEquals("""
                  service           calls  mean ms
                  ----------------  -----  -------
                  booking            1200      3.5
                  resolver-service      7    12.25
                """, table);
    }

    @Test
    void longCellsAreCutAndMissingCellsLeftEmpty() {
        String table = TextTable.render(List.of("statement", "calls"), List.of(List.of("select " + "x".repeat(200)), List.of("a\nb", "3")), "");
        List<String> lines = table.lines().toList();
        assertEquals(TextTable.MAX_CELL, lines.get(2).length());
        assertTrue(lines.get(2).endsWith("…"));
        assertTrue(lines.get(3).startsWith("a b "), lines.get(3));
    }

    @Test
    void progressIsABarOnATerminalAndTenthsElsewhere() {
        assertEquals("[" + ".".repeat(30) + "]   0%  cache", ProgressLine.bar(0, "cache"));
        assertEquals("[" + "#".repeat(13) + ".".repeat(17) + "]  45%  analyze", ProgressLine.bar(45, "analyze"));
        assertEquals("[" + "#".repeat(30) + "] 100%", ProgressLine.bar(140, null));

        ByteArrayOutputStream terminalBytes = new ByteArrayOutputStream();
        ProgressLine onTerminal = new ProgressLine(new PrintStream(terminalBytes, true, StandardCharsets.UTF_8), true);
        onTerminal.update(10, "cache");
        onTerminal.update(60, "pool");
        onTerminal.finish();
        String drawn = terminalBytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, drawn.chars().filter(c -> c == '\r').count());
        assertTrue(drawn.endsWith(System.lineSeparator()) && drawn.stripTrailing().endsWith("]  60%  pool"), drawn);
        assertTrue(drawn.contains("pool "), "the longer line before is blanked out: " + drawn);
        assertEquals(1, drawn.chars().filter(c -> c == '\n').count(), "one line, redrawn");

        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        ProgressLine inLog = new ProgressLine(new PrintStream(logBytes, true, StandardCharsets.UTF_8), false);
        for (int percent : new int[] {0, 3, 8, 12, 12, 55}) {
            inLog.update(percent, percent < 50 ? "cache" : "analyze");
        }
        inLog.finish();
        assertEquals(List.of("  0%  cache", " 10%  cache", " 50%  analyze"), logBytes.toString(StandardCharsets.UTF_8).lines().toList());
        assertFalse(logBytes.toString(StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void aReportPrintsItsTablesThenFindingsThenActions() throws Exception {
        JsonNode report = ServiceApi.JSON.readTree("""
                {"id":"r1","trigger":"api","requestedBy":"admin","status":"SUCCEEDED","progress":100,
                 "options":{"cache":false,"analyze":true,"pool":false,"indexes":true,"dryRun":true},
                 "startedAt":"2026-01-01T10:00:00Z","finishedAt":"2026-01-01T10:00:02.500Z",
                 "steps":[{"step":"analyze","summary":"1 slow statement","durationMs":1500,
                   "tables":[{"title":"Slow statements","columns":["service","statement","mean ms"],
                              "rows":[["booking","select * from appointment where branch_id = $1","120.5"]]}],
                   "findings":[{"key":"index:booking:appointment(branch_id)","service":"booking","kind":"missing-index",
                                "text":"appointment is scanned by branch_id","action":"CREATE INDEX CONCURRENTLY ix ON appointment (branch_id)"}],
                   "actions":[]},
                  {"step":"indexes","summary":"1 index would be created","durationMs":10,"tables":[],"findings":[],
                   "actions":["CREATE INDEX CONCURRENTLY ix ON appointment (branch_id)"]}],
                 "newFindings":[{"key":"index:booking:appointment(branch_id)","service":"booking","kind":"missing-index",
                                 "text":"appointment is scanned by branch_id","action":null}],
                 "error":null}""");
        String text = ReportText.report(report);
        assertTrue(text.startsWith("Report r1 · SUCCEEDED · analyze, indexes (dry run) · api by admin\nStarted 2026-01-01T10:00:00Z, took 2.5 s\n"), text);
        int table = text.indexOf("Slow statements");
        int findings = text.indexOf("Findings (1, 1 new)");
        int actions = text.indexOf("Actions (dry run: not done)\n  - CREATE INDEX CONCURRENTLY ix ON appointment (branch_id)");
        assertTrue(table > 0 && findings > table && actions > findings, text);
        assertTrue(text.contains("== analyze (1.5 s): 1 slow statement"), text);
        assertTrue(text.contains("  NEW [missing-index] booking: appointment is scanned by branch_id\n"
                + "      CREATE INDEX CONCURRENTLY ix ON appointment (branch_id)\n"), text);
        assertTrue(text.contains("    booking  select * from appointment where branch_id = $1    120.5"), text);
    }

    @Test
    void theLogTailPrintsOnlyWhatIsNew() {
        assertEquals(List.of("c"), SuiteOps.newLines(List.of("a", "b"), List.of("a", "b", "c")));
        assertEquals(List.of("d", "e"), SuiteOps.newLines(List.of("a", "b", "c"), List.of("b", "c", "d", "e")));
        assertEquals(List.of(), SuiteOps.newLines(List.of("a", "b"), List.of("a", "b")));
        assertEquals(List.of("x", "y"), SuiteOps.newLines(List.of("a", "b"), List.of("x", "y")));
        assertEquals(List.of("a"), SuiteOps.newLines(List.of(), List.of("a")));
    }
}
