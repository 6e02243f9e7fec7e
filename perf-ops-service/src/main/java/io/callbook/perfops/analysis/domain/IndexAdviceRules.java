package io.callbook.perfops.analysis.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of index advice, apart from the database:
 * <ul>
 * <li>Column order: the equality columns (and IS NULL tests) first, most selective first, then one range column; at
 * most {@code maxColumns}. A B-tree serves equalities on its leading columns and one range after them; a second range
 * column would only be filtered.</li>
 * <li>Selectivity from pg_stats: an equality matches (1 − null_frac) / n_distinct of the rows (a negative n_distinct
 * is a fraction of the rows); without statistics PostgreSQL's own defaults, 0.5 % for an equality and a third for a
 * range.</li>
 * <li>An existing index covers the advice when it is a valid, non-partial B-tree whose leading columns are the
 * advised ones: the equality columns in any order, then the range column.</li>
 * <li>Heuristic cost, when no what-if plan is available: an index finds its rows at a random page each
 * ({@value #RANDOM_PAGE_COST} per row plus two pages of descent), against the scan's own cost in the plan; the time a
 * call saves is the statement's mean time times the share of its plan's cost saved.</li>
 * <li>Rank: calls × time saved per call minus the write penalty (rows written × write cost); advice with nothing left
 * is dropped. Advice for the same table whose columns another advice covers merges into that one.</li>
 * </ul>
 */
public final class IndexAdviceRules {

    static final double RANDOM_PAGE_COST = 4.0;
    static final double CPU_TUPLE_COST = 0.01;
    static final double DEFAULT_EQUALITY_SELECTIVITY = 0.005;
    static final double DEFAULT_RANGE_SELECTIVITY = 1.0 / 3;

    /** The columns of a candidate index, in order. */
    public record Columns(List<String> columns, int equalityCount, double selectivity) {
    }

    private IndexAdviceRules() {
    }

    public static Columns orderColumns(List<Condition.Predicate> predicates, Map<String, ColumnStats> stats,
                                       double tableRows, int maxColumns) {
        Map<String, Double> equalities = new LinkedHashMap<>();
        Map<String, Double> ranges = new LinkedHashMap<>();
        for (Condition.Predicate predicate : predicates) {
            ColumnStats column = stats.get(predicate.column());
            double selectivity = switch (predicate.kind()) {
                case EQUALITY -> column == null ? DEFAULT_EQUALITY_SELECTIVITY : column.equalitySelectivity(tableRows);
                case NULL_TEST -> column == null ? DEFAULT_EQUALITY_SELECTIVITY : column.nullFraction();
                case RANGE -> DEFAULT_RANGE_SELECTIVITY;
            };
            if (predicate.kind() == Condition.Kind.RANGE) {
                ranges.merge(predicate.column(), selectivity, Math::min);
            } else {
                equalities.merge(predicate.column(), selectivity, Math::min);
            }
        }
        List<String> columns = new ArrayList<>();
        double selectivity = 1;
        List<Map.Entry<String, Double>> ordered = new ArrayList<>(equalities.entrySet());
        ordered.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Double> equality : ordered) {
            if (columns.size() < maxColumns) {
                columns.add(equality.getKey());
                selectivity *= equality.getValue();
            }
        }
        int equalityCount = columns.size();
        ranges.keySet().removeAll(equalities.keySet());
        Optional<Map.Entry<String, Double>> range = ranges.entrySet().stream().min(Map.Entry.comparingByValue());
        if (range.isPresent() && columns.size() < maxColumns) {
            columns.add(range.get().getKey());
            selectivity *= range.get().getValue();
        }
        return new Columns(List.copyOf(columns), equalityCount, selectivity);
    }

    /** Whether an existing index already does what the advice would. */
    public static boolean covers(IndexInfo index, List<String> columns, int equalityCount) {
        if (!index.valid() || index.predicate() != null || !index.method().equals("btree")
                || index.columns().size() < columns.size()) {
            return false;
        }
        Set<String> leadingEqualities = new HashSet<>(index.columns().subList(0, equalityCount));
        if (!leadingEqualities.equals(new HashSet<>(columns.subList(0, equalityCount)))) {
            return false;
        }
        return index.columns().subList(equalityCount, columns.size()).equals(columns.subList(equalityCount, columns.size()));
    }

    public static Optional<IndexInfo> coveredBy(List<IndexInfo> indexes, String schema, String table, List<String> columns,
                                                int equalityCount) {
        return indexes.stream().filter(index -> index.on(schema, table))
                .filter(index -> covers(index, columns, equalityCount)).findFirst();
    }

    /** The share (0–1) of a statement's plan cost an index with this selectivity would save on the scan. */
    public static double heuristicSaving(PlanScans.Scan scan, double selectivity, double tableRows) {
        double rows = selectivity * tableRows;
        double indexCost = RANDOM_PAGE_COST * (2 + rows) + CPU_TUPLE_COST * rows;
        if (scan.planCost() <= 0 || indexCost >= scan.nodeCost()) {
            return 0;
        }
        return Math.min(1, (scan.nodeCost() - indexCost) / scan.planCost());
    }

    /**
     * Adds up advice for the same index, folds advice another one covers into it, drops what does not pay, and ranks
     * the rest, best first.
     */
    public static List<IndexAdvice> rank(List<IndexAdvice> candidates) {
        Map<String, IndexAdvice> same = new LinkedHashMap<>();
        for (IndexAdvice advice : candidates) {
            same.merge(advice.key(), advice, IndexAdviceRules::add);
        }
        List<IndexAdvice> distinct = new ArrayList<>(same.values());
        // longer first, so that shorter advice finds the one that covers it
        distinct.sort(Comparator.comparingInt((IndexAdvice advice) -> -advice.columns().size()));
        List<IndexAdvice> kept = new ArrayList<>();
        for (IndexAdvice advice : distinct) {
            int into = -1;
            for (int i = 0; i < kept.size(); i++) {
                IndexAdvice longer = kept.get(i);
                if (longer.schema().equals(advice.schema()) && longer.table().equals(advice.table())
                        && covers(asIndex(longer), advice.columns(), advice.equalityCount())) {
                    into = i;
                    break;
                }
            }
            if (into >= 0) {
                kept.set(into, add(kept.get(into), advice));
            } else {
                kept.add(advice);
            }
        }
        return kept.stream().filter(advice -> advice.score() > 0)
                .sorted(Comparator.comparingDouble(IndexAdvice::score).reversed()
                        .thenComparing(IndexAdvice::key))
                .toList();
    }

    private static IndexAdvice add(IndexAdvice into, IndexAdvice other) {
        Set<String> statements = new LinkedHashSet<>(into.statements());
        statements.addAll(other.statements());
        return new IndexAdvice(into.service(), into.schema(), into.table(), into.columns(), into.equalityCount(),
                into.selectivity(), into.calls() + other.calls(), into.savedMs() + other.savedMs(), into.penaltyMs(),
                into.method(), List.copyOf(statements));
    }

    private static IndexInfo asIndex(IndexAdvice advice) {
        return new IndexInfo(advice.schema(), advice.table(), advice.name(), advice.columns(), "btree", null, false,
                false, true, false, 0, 0, advice.createStatement());
    }
}
