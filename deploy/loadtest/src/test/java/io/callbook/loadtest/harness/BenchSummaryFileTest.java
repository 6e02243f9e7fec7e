package io.callbook.loadtest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bench leaves summary.json in its results folder, which perf-ops-service reads after starting it: the Markdown
 * tables and the notes, also with --no-docs.
 */
class BenchSummaryFileTest {

    @Test
    void publishingWritesTheSummaryBesideTheReports(@TempDir Path root) throws Exception {
        Path results = root.resolve("deploy/loadtest/target/bench/20260101-120000");
        CommonOptions options = new CommonOptions("http://127.0.0.1:8081", null, Duration.ofSeconds(30), Duration.ofSeconds(5),
                false, Duration.ofMinutes(5), results);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchReport report = new BenchReport(root, options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        report.printHeader("resolve");
        report.publish("resolve", "40 numbers", "scenario  p99\nopen      3\n", "| scenario | p99 |\n|---|---|\n| open | 3 |\n",
                List.of("p99 target met."));

        JsonNode summary = new ObjectMapper().readTree(results.resolve(BenchReport.SUMMARY_FILE).toFile());
        assertEquals("resolve", summary.path("target").asText());
        assertEquals("40 numbers", summary.path("data").asText());
        assertEquals("| scenario | p99 |\n|---|---|\n| open | 3 |\n", summary.path("markdown").asText());
        assertEquals("p99 target met.", summary.path("notes").get(0).asText());
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("Reports: " + results), "perf-ops finds the folder by this line: " + output);
        assertFalse(Files.exists(root.resolve("docs/benchmarks.md")), "--no-docs");
    }
}
