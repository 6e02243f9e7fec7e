package io.callbook.perfops.analysis.domain;

import io.callbook.perfops.operation.domain.Finding;
import io.callbook.perfops.operation.domain.OptimizeOptions;
import io.callbook.perfops.operation.domain.ReportTable;
import io.callbook.perfops.operation.domain.StepContext;
import io.callbook.perfops.operation.domain.StepResult;
import io.callbook.perfops.suite.domain.ServiceDatabase;
import io.callbook.perfops.suite.domain.SuiteServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyze and indexes steps against a real PostgreSQL with pg_stat_statements: a table of 50 000 rows queried on
 * unindexed columns, and a deliberately slow statement.
 */
@QuarkusTest
@TestProfile(ScratchDatabase.class)
class AnalysisStepsTest {

    private static final OptimizeOptions ANALYZE = new OptimizeOptions(false, true, false, false, false);
    private static final OptimizeOptions INDEXES = new OptimizeOptions(false, false, false, true, false);
    private static final OptimizeOptions INDEXES_DRY_RUN = new OptimizeOptions(false, false, false, true, true);

    @Inject
    AnalyzeStep analyze;

    @Inject
    IndexesStep indexes;

    @Inject
    SuiteServices services;

    @Test
    void aSlowStatementAndAMissingIndexAreFoundAdvisedAndCreatedOnce() throws Exception {
        table("probe_visit", "branch_id integer NOT NULL, status text NOT NULL, starts_at timestamptz NOT NULL",
                "i % 500, (ARRAY['booked','cancelled','done'])[i % 3 + 1], now() + i * interval '1 minute'");
        try (Connection connection = database().open();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, starts_at FROM probe_visit WHERE branch_id = ? AND starts_at >= ?");
             Statement slow = connection.createStatement()) {
            for (int i = 0; i < 200; i++) {
                query.setInt(1, i % 500);
                query.setTimestamp(2, Timestamp.from(Instant.now()));
                query.executeQuery().close();
            }
            slow.execute("SELECT pg_sleep(0.15), 'probe-slow'");
            slow.execute("SELECT pg_sleep(0.15), 'probe-slow'");
        }
        String key = "index:booking:probe_visit(branch_id,starts_at)";
        String create = "CREATE INDEX CONCURRENTLY IF NOT EXISTS probe_visit_branch_id_starts_at_idx ON public.probe_visit (branch_id, starts_at)";

        StepResult analysis = run(analyze, ANALYZE);

        assertTrue(rows(analysis, "Slow statements").stream()
                .anyMatch(row -> row.get(0).equals("booking") && row.get(5).contains("pg_sleep")), analysis.toString());
        assertTrue(analysis.findings().stream().anyMatch(f -> f.kind().equals("slow-query") && f.text().contains("pg_sleep")));
        assertTrue(rows(analysis, "Sequential scans on large tables").stream()
                .anyMatch(row -> row.get(1).equals("public.probe_visit")), analysis.toString());
        Finding advice = finding(analysis, key).orElseThrow(() -> new AssertionError("no advice in " + analysis));
        assertEquals("missing-index", advice.kind());
        assertEquals(create, advice.action());
        assertTrue(rows(analysis, "Index advice").stream().anyMatch(row -> row.get(7).equals(create)));

        List<String> catalogBefore = indexDefinitions();
        StepResult dryRun = run(indexes, INDEXES_DRY_RUN);

        assertTrue(dryRun.actions().contains("would run: " + create), dryRun.toString());
        assertTrue(finding(dryRun, key).isPresent());
        assertEquals(catalogBefore, indexDefinitions(), "a dry run changes nothing");

        StepResult created = run(indexes, INDEXES);

        assertTrue(created.actions().contains(create), created.toString());
        assertTrue(rows(created, "Indexes").stream().anyMatch(row -> row.get(4).equals(create) && row.get(3).equals("created")));
        assertTrue(indexDefinitions().contains(
                "CREATE INDEX probe_visit_branch_id_starts_at_idx ON public.probe_visit USING btree (branch_id, starts_at) valid"));

        StepResult again = run(indexes, INDEXES);

        assertFalse(again.actions().stream().anyMatch(action -> action.contains("probe_visit")), again.toString());
        assertFalse(rows(again, "Indexes").stream().anyMatch(row -> row.get(1).equals("public.probe_visit")));
        StepResult later = run(analyze, ANALYZE);
        assertTrue(later.findings().stream().noneMatch(f -> f.key().equals(key)), later.toString());
        assertEquals(window(analysis).get(2), window(later).get(1),
                "the next window starts where the previous snapshot was taken");
    }

    @Test
    void anInvalidLeftoverIsRebuiltAndAHeldLockSkipsTheDatabase() throws Exception {
        table("probe_ticket", "code integer NOT NULL", "i % 5000");
        try (Connection connection = database().open();
             PreparedStatement query = connection.prepareStatement("SELECT id FROM probe_ticket WHERE code = ?");
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < 200; i++) {
                query.setInt(1, i);
                query.executeQuery().close();
            }
            try {
                // duplicate codes: the concurrent build fails and leaves an invalid index behind
                statement.execute("CREATE UNIQUE INDEX CONCURRENTLY probe_ticket_code_idx ON probe_ticket (code)");
            } catch (SQLException expected) {
                // as intended
            }
        }
        assertTrue(indexDefinitions().contains(
                "CREATE UNIQUE INDEX probe_ticket_code_idx ON public.probe_ticket USING btree (code) invalid"));
        StepResult analysis = run(analyze, ANALYZE);
        assertTrue(rows(analysis, "Invalid indexes").stream().anyMatch(row -> row.get(1).equals("public.probe_ticket_code_idx")));
        assertTrue(finding(analysis, "index:booking:probe_ticket(code)").isPresent(), analysis.toString());

        try (Connection holder = database().open(); Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtextextended('callbook.perf-ops.indexes', 0))");
            StepResult skipped = run(indexes, INDEXES);
            assertTrue(skipped.summary().contains("booking: another run holds the index lock; skipped"), skipped.summary());
            assertTrue(rows(skipped, "Indexes").stream().anyMatch(row -> row.get(1).equals("public.probe_ticket")
                    && row.get(3).equals("skipped: lock held")));
        }

        StepResult rebuilt = run(indexes, INDEXES);

        assertTrue(rows(rebuilt, "Indexes").stream().anyMatch(row -> row.get(1).equals("public.probe_ticket")
                && row.get(3).equals("invalid leftover dropped and rebuilt")), rebuilt.toString());
        assertTrue(indexDefinitions().contains("CREATE INDEX probe_ticket_code_idx ON public.probe_ticket USING btree (code) valid"));
    }

    private StepResult run(io.callbook.perfops.operation.domain.OpsStep step, OptimizeOptions options) throws Exception {
        List<Double> progress = new ArrayList<>();
        StepResult result = step.run(new StepContext(UUID.randomUUID(), options, (f, m) -> progress.add(f)));
        assertFalse(progress.isEmpty());
        assertTrue(progress.stream().allMatch(f -> f >= 0 && f <= 1), progress.toString());
        return result;
    }

    private ServiceDatabase database() {
        return services.named("booking").flatMap(service -> service.database()).orElseThrow();
    }

    private void table(String name, String columns, String values) throws SQLException {
        try (Connection connection = database().open(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + name);
            statement.execute("CREATE TABLE " + name + " (id bigserial PRIMARY KEY, " + columns + ")");
            statement.execute("INSERT INTO " + name + " SELECT i, " + values + " FROM generate_series(1, 50000) i");
            statement.execute("ANALYZE " + name);
        }
    }

    /** Every index of the database with its validity, as the catalog has it. */
    private List<String> indexDefinitions() throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection connection = database().open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT pg_get_indexdef(x.indexrelid) || CASE WHEN x.indisvalid THEN ' valid' ELSE ' invalid' END
                     FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
                     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1""")) {
            while (rows.next()) {
                definitions.add(rows.getString(1));
            }
        }
        return definitions;
    }

    private static List<List<String>> rows(StepResult result, String table) {
        return result.tables().stream().filter(t -> t.title().equals(table)).findFirst().map(ReportTable::rows)
                .orElseThrow(() -> new AssertionError("no table " + table + " in " + result));
    }

    private static List<String> window(StepResult analysis) {
        return rows(analysis, "Statement windows").stream().filter(row -> row.get(0).equals("booking")).findFirst()
                .orElseThrow();
    }

    private static Optional<Finding> finding(StepResult result, String key) {
        return result.findings().stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
