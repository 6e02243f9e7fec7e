package io.callbook.perfops.analysis.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.callbook.perfops.analysis.domain.Condition.Kind.EQUALITY;
import static io.callbook.perfops.analysis.domain.Condition.Kind.RANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexAdviceRulesTest {

    private static final double ROWS = 50_000;

    @Test
    void equalityColumnsLeadMostSelectiveFirstThenOneRangeColumn() {
        Map<String, ColumnStats> stats = Map.of(
                "status", new ColumnStats("status", 0, 3),
                "branch_id", new ColumnStats("branch_id", 0, 500),
                // a negative n_distinct is a fraction of the rows: -0.5 of 50 000 rows is 25 000 values
                "customer_id", new ColumnStats("customer_id", 0.2, -0.5));

        IndexAdviceRules.Columns columns = IndexAdviceRules.orderColumns(List.of(
                new Condition.Predicate("p", "starts_at", RANGE),
                new Condition.Predicate("p", "status", EQUALITY),
                new Condition.Predicate("p", "ends_at", RANGE),
                new Condition.Predicate("p", "branch_id", EQUALITY)), stats, ROWS, 3);

        assertEquals(List.of("branch_id", "status", "starts_at"), columns.columns());
        assertEquals(2, columns.equalityCount());
        assertEquals(1.0 / 500 * (1.0 / 3) * (1.0 / 3), columns.selectivity(), 1e-12);

        IndexAdviceRules.Columns withCustomer = IndexAdviceRules.orderColumns(List.of(
                new Condition.Predicate("p", "branch_id", EQUALITY),
                new Condition.Predicate("p", "customer_id", EQUALITY)), stats, ROWS, 3);
        assertEquals(List.of("customer_id", "branch_id"), withCustomer.columns());
    }

    @Test
    void aColumnComparedByEqualityIsNoRangeColumnToo() {
        IndexAdviceRules.Columns columns = IndexAdviceRules.orderColumns(List.of(
                new Condition.Predicate("p", "day", RANGE),
                new Condition.Predicate("p", "day", EQUALITY)), Map.of(), ROWS, 3);

        assertEquals(List.of("day"), columns.columns());
        assertEquals(1, columns.equalityCount());
    }

    @Test
    void anIndexCoversAdviceWhenItsLeadingColumnsAreTheAdvisedOnes() {
        List<String> advised = List.of("branch_id", "status", "starts_at");

        assertTrue(IndexAdviceRules.covers(index(List.of("branch_id", "status", "starts_at")), advised, 2));
        assertTrue(IndexAdviceRules.covers(index(List.of("status", "branch_id", "starts_at", "id")), advised, 2),
                "equality columns in any order, then the range column");
        assertFalse(IndexAdviceRules.covers(index(List.of("branch_id", "status")), advised, 2), "too short");
        assertFalse(IndexAdviceRules.covers(index(List.of("starts_at", "branch_id", "status")), advised, 2),
                "the range column leads");
        assertFalse(IndexAdviceRules.covers(index(List.of("branch_id", "starts_at", "status")), advised, 2));
        assertTrue(IndexAdviceRules.covers(index(List.of("branch_id", "starts_at")), List.of("branch_id"), 1));
        assertFalse(IndexAdviceRules.covers(new IndexInfo("public", "probe", "partial", advised, "btree",
                "(status = 'booked'::text)", false, false, true, false, 0, 0, ""), advised, 2), "a partial index");
        assertFalse(IndexAdviceRules.covers(new IndexInfo("public", "probe", "invalid", advised, "btree", null, false,
                false, false, false, 0, 0, ""), advised, 2), "an invalid index");
        assertFalse(IndexAdviceRules.covers(new IndexInfo("public", "probe", "hash", advised, "hash", null, false,
                false, true, false, 0, 0, ""), advised, 2), "not a B-tree");
    }

    @Test
    void adviceForOneIndexAddsUpAndAdviceAnotherCoversFoldsIntoIt() {
        IndexAdvice branch = advice(List.of("branch_id"), 1, 100, 50);
        IndexAdvice branchAgain = advice(List.of("branch_id"), 1, 40, 50);
        IndexAdvice branchAndDay = advice(List.of("branch_id", "starts_at"), 1, 300, 50);
        IndexAdvice status = advice(List.of("status"), 1, 20, 50);

        List<IndexAdvice> ranked = IndexAdviceRules.rank(List.of(branch, status, branchAgain, branchAndDay));

        assertEquals(1, ranked.size(), "status does not pay for its writes: " + ranked);
        assertEquals(List.of("branch_id", "starts_at"), ranked.getFirst().columns());
        assertEquals(440, ranked.getFirst().savedMs(), 1e-9);
        assertEquals(390, ranked.getFirst().score(), 1e-9);
    }

    @Test
    void theHeuristicSavesOnSelectiveScansOnly() {
        PlanScans.Scan scan = new PlanScans.Scan("public", "probe", "p", "Seq Scan", List.of(), 1000, 1100, 30);

        double selective = IndexAdviceRules.heuristicSaving(scan, 1.0 / 1500, ROWS);
        assertTrue(selective > 0.7 && selective <= 1, "saving " + selective);
        assertEquals(0, IndexAdviceRules.heuristicSaving(scan, 0.1, ROWS));
    }

    @Test
    void theAdviceNamesTheExactStatement() {
        IndexAdvice advice = advice(List.of("branch_id", "starts_at"), 1, 10, 0);

        assertEquals("index:booking:probe(branch_id,starts_at)", advice.key());
        assertEquals("CREATE INDEX CONCURRENTLY IF NOT EXISTS probe_branch_id_starts_at_idx ON public.probe (branch_id, starts_at)",
                advice.createStatement());
        IndexAdvice quoted = new IndexAdvice("booking", "Ops", "order", List.of("Day", "x".repeat(70)), 1, 0, 1, 1, 0,
                "heuristic", List.of());
        assertEquals("index:booking:Ops.order(Day," + "x".repeat(70) + ")", quoted.key());
        assertTrue(quoted.createStatement().startsWith("CREATE INDEX CONCURRENTLY IF NOT EXISTS order_day_xxx"));
        assertTrue(quoted.createStatement().contains(" ON \"Ops\".\"order\" (\"Day\", xxx"));
        assertTrue(quoted.name().length() <= 63);
    }

    private static IndexInfo index(List<String> columns) {
        return new IndexInfo("public", "probe", "probe_" + String.join("_", columns), columns, "btree", null, false,
                false, true, false, 0, 0, "");
    }

    private static IndexAdvice advice(List<String> columns, int equalities, double savedMs, double penaltyMs) {
        return new IndexAdvice("booking", "public", "probe", columns, equalities, 0.001, 10, savedMs, penaltyMs,
                "heuristic", List.of("SELECT " + columns));
    }
}
