package io.callbook.perfops.analysis.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.callbook.perfops.analysis.domain.Condition.Kind.EQUALITY;
import static io.callbook.perfops.analysis.domain.Condition.Kind.NULL_TEST;
import static io.callbook.perfops.analysis.domain.Condition.Kind.RANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanScansTest {

    @Test
    void aSequentialScanGivesTheColumnsItsFilterComparesWithValues() {
        List<PlanScans.Scan> scans = PlanScans.of("""
                [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "probe", "Schema": "public", "Alias": "p",
                  "Total Cost": 1150.0, "Plan Rows": 33,
                  "Filter": "((p.starts_at >= $2) AND (p.branch_id = $1) AND ((p.status)::text = 'booked'::text) AND (p.note ~~ 'x%'::text) AND (lower(p.email) = $3) AND (p.deleted_at IS NULL))"}}]
                """);

        assertEquals(1, scans.size());
        PlanScans.Scan scan = scans.getFirst();
        assertEquals("public", scan.schema());
        assertEquals("probe", scan.table());
        assertEquals(1150.0, scan.nodeCost());
        assertEquals(List.of(
                new Condition.Predicate("p", "starts_at", RANGE),
                new Condition.Predicate("p", "branch_id", EQUALITY),
                new Condition.Predicate("p", "status", EQUALITY),
                new Condition.Predicate("p", "deleted_at", NULL_TEST)), scan.predicates());
    }

    @Test
    void columnsThePlanDoesNotQualifyBelongToTheScanAndValuesMayStandLeft() {
        List<PlanScans.Scan> scans = PlanScans.of("""
                [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "probe", "Alias": "probe", "Total Cost": 900.0,
                  "Plan Rows": 10, "Filter": "(($1 = branch_id) AND (created_at < now()) AND (id = ANY ($2)))"}}]
                """);

        assertEquals(1, scans.size());
        assertEquals(List.of(
                new Condition.Predicate("probe", "branch_id", EQUALITY),
                new Condition.Predicate("probe", "created_at", RANGE),
                new Condition.Predicate("probe", "id", EQUALITY)), scans.getFirst().predicates());
    }

    @Test
    void aDisjunctionGivesNothingToIndex() {
        assertTrue(PlanScans.of("""
                [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "probe", "Alias": "p", "Total Cost": 900.0,
                  "Plan Rows": 10, "Filter": "((p.branch_id = $1) OR (p.status = $2))"}}]
                """).isEmpty());
    }

    @Test
    void aSelectiveHashJoinAdvisesTheJoinColumnOfTheScannedTable() {
        List<PlanScans.Scan> scans = PlanScans.of("""
                [{"Plan": {"Node Type": "Hash Join", "Total Cost": 1300.0, "Plan Rows": 5,
                  "Hash Cond": "(a.customer_id = c.id)",
                  "Plans": [
                    {"Node Type": "Seq Scan", "Relation Name": "appointment", "Schema": "booking", "Alias": "a",
                     "Total Cost": 1100.0, "Plan Rows": 50000},
                    {"Node Type": "Hash", "Total Cost": 8.3, "Plan Rows": 1, "Plans": [
                      {"Node Type": "Index Scan", "Relation Name": "customer", "Schema": "booking", "Alias": "c",
                       "Index Name": "customer_phone_idx", "Total Cost": 8.3, "Plan Rows": 1,
                       "Index Cond": "(c.phone = $1)"}]}]}}]
                """);

        assertEquals(1, scans.size());
        assertEquals("appointment", scans.getFirst().table());
        assertEquals(1300.0, scans.getFirst().planCost());
        assertEquals(List.of(new Condition.Predicate("a", "customer_id", EQUALITY)), scans.getFirst().predicates());
    }

    @Test
    void aHashJoinKeepingMostRowsAdvisesNothing() {
        assertTrue(PlanScans.of("""
                [{"Plan": {"Node Type": "Hash Join", "Total Cost": 3000.0, "Plan Rows": 50000,
                  "Hash Cond": "(a.customer_id = c.id)",
                  "Plans": [
                    {"Node Type": "Seq Scan", "Relation Name": "appointment", "Alias": "a", "Total Cost": 1100.0,
                     "Plan Rows": 50000},
                    {"Node Type": "Hash", "Plans": [{"Node Type": "Seq Scan", "Relation Name": "customer",
                     "Alias": "c", "Total Cost": 300.0, "Plan Rows": 10000}]}]}}]
                """).isEmpty());
    }

    @Test
    void aNestedLoopJoinFilterAdvisesTheInnerJoinColumn() {
        List<PlanScans.Scan> scans = PlanScans.of("""
                [{"Plan": {"Node Type": "Nested Loop", "Total Cost": 5000.0, "Plan Rows": 20,
                  "Join Filter": "(s.service_id = b.id)",
                  "Plans": [
                    {"Node Type": "Index Scan", "Relation Name": "bookable", "Alias": "b", "Total Cost": 8.0,
                     "Plan Rows": 1, "Index Cond": "(b.id = $1)"},
                    {"Node Type": "Seq Scan", "Relation Name": "staff_service", "Alias": "s", "Total Cost": 4900.0,
                     "Plan Rows": 200000, "Filter": "(s.active = true)"}]}}]
                """);

        assertEquals(1, scans.size());
        assertEquals("staff_service", scans.getFirst().table());
        assertEquals(List.of(new Condition.Predicate("s", "active", EQUALITY),
                new Condition.Predicate("s", "service_id", EQUALITY)), scans.getFirst().predicates());
    }

    @Test
    void anIndexScanThatStillFiltersAdvisesItsIndexAndFilterColumns() {
        List<PlanScans.Scan> scans = PlanScans.of("""
                [{"Plan": {"Node Type": "Bitmap Heap Scan", "Relation Name": "probe", "Alias": "p",
                  "Total Cost": 700.0, "Plan Rows": 3, "Recheck Cond": "(p.branch_id = $1)",
                  "Filter": "(p.status = $2)",
                  "Plans": [{"Node Type": "Bitmap Index Scan", "Index Name": "probe_branch_id_idx",
                             "Total Cost": 5.0, "Index Cond": "(p.branch_id = $1)"}]}}]
                """);

        assertEquals(1, scans.size());
        assertEquals(java.util.Set.of(new Condition.Predicate("p", "status", EQUALITY),
                new Condition.Predicate("p", "branch_id", EQUALITY)), java.util.Set.copyOf(scans.getFirst().predicates()));
    }

    @Test
    void anIndexScanWithoutFilterIsDone() {
        assertTrue(PlanScans.of("""
                [{"Plan": {"Node Type": "Index Scan", "Relation Name": "probe", "Alias": "p", "Total Cost": 8.0,
                  "Plan Rows": 1, "Index Cond": "(p.branch_id = $1)"}}]
                """).isEmpty());
    }

    @Test
    void aWhatIfPlanTellsWhetherItUsesTheHypotheticalIndex() {
        String plan = """
                [{"Plan": {"Node Type": "Index Scan", "Index Name": "<13543>btree_probe_branch_id", "Total Cost": 8.3,
                  "Relation Name": "probe", "Alias": "probe"}}]
                """;

        assertTrue(PlanScans.usesIndex(plan, "<13543>btree_probe_branch_id"));
        assertFalse(PlanScans.usesIndex(plan, "<1>btree_other"));
        assertEquals(8.3, PlanScans.totalCost(plan));
    }

    @Test
    void onlyOneStatementIsEverPlanned() {
        assertEquals(java.util.Optional.of("SELECT 1"), DatabaseCatalog.singleStatement("SELECT 1;"));
        assertEquals(java.util.Optional.of("SELECT ';' AS x"), DatabaseCatalog.singleStatement("SELECT ';' AS x"));
        assertTrue(DatabaseCatalog.singleStatement("SELECT 1; DROP TABLE probe").isEmpty());
        assertTrue(DatabaseCatalog.plannable("select * from probe where id = $1"));
        assertFalse(DatabaseCatalog.plannable("INSERT INTO probe VALUES ($1)"));
        assertFalse(DatabaseCatalog.plannable("SELECT * FROM pg_stat_statements"));
    }
}
