package io.callbook.perfops.analysis.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, in an {@code EXPLAIN (FORMAT JSON)} plan, the scans an index could make cheaper, with the columns it would
 * be on:
 * <ul>
 * <li>a Seq Scan: the columns its Filter compares with values;</li>
 * <li>an Index Scan, Index Only Scan or Bitmap Heap Scan that still filters: its Index Cond columns and its Filter
 * columns together;</li>
 * <li>joins: an equality of a scanned relation's column with another relation's, from a Nested Loop's Join Filter
 * (an index there turns the loop into index lookups), or from a Hash or Merge Cond when the join keeps less than a
 * tenth of the scan's rows (a selective join, which a nested loop over an index would serve better).</li>
 * </ul>
 * Columns the plan does not qualify belong to the scan whose condition names them.
 */
public final class PlanScans {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INDEX_SCANS = Set.of("Index Scan", "Index Only Scan", "Bitmap Heap Scan");

    /**
     * A scan and what an index on it could use.
     *
     * @param nodeCost  the scan node's total cost
     * @param planCost  the whole statement's total cost
     * @param planRows  rows the scan is estimated to return
     */
    public record Scan(String schema, String table, String alias, String nodeType, List<Condition.Predicate> predicates,
                       double nodeCost, double planCost, double planRows) {
    }

    private record Join(String nodeType, double rows, Condition.Terms terms) {
    }

    private PlanScans() {
    }

    /** @param explainJson the single value EXPLAIN (FORMAT JSON) returns: an array with one object holding "Plan" */
    public static List<Scan> of(String explainJson) {
        try {
            JsonNode root = JSON.readTree(explainJson);
            JsonNode plan = (root.isArray() ? root.get(0) : root).get("Plan");
            return of(plan);
        } catch (IOException e) {
            throw new UncheckedIOException("Not an EXPLAIN JSON plan", e);
        }
    }

    /** The total cost of a plan, to compare a what-if plan with the real one. */
    public static double totalCost(String explainJson) {
        try {
            JsonNode root = JSON.readTree(explainJson);
            return (root.isArray() ? root.get(0) : root).get("Plan").path("Total Cost").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException("Not an EXPLAIN JSON plan", e);
        }
    }

    /** Whether any node of the plan uses the named index. */
    public static boolean usesIndex(String explainJson, String indexName) {
        try {
            return usesIndex(JSON.readTree(explainJson), indexName);
        } catch (IOException e) {
            throw new UncheckedIOException("Not an EXPLAIN JSON plan", e);
        }
    }

    private static boolean usesIndex(JsonNode node, String indexName) {
        if (node.isObject() && indexName.equals(node.path("Index Name").asText(null))) {
            return true;
        }
        for (JsonNode child : node) {
            if ((child.isObject() || child.isArray()) && usesIndex(child, indexName)) {
                return true;
            }
        }
        return false;
    }

    static List<Scan> of(JsonNode plan) {
        double planCost = plan.path("Total Cost").asDouble();
        List<JsonNode> scans = new ArrayList<>();
        List<Join> joins = new ArrayList<>();
        collect(plan, scans, joins);
        List<Scan> result = new ArrayList<>();
        for (JsonNode node : scans) {
            String type = node.path("Node Type").asText();
            String alias = node.path("Alias").asText(node.path("Relation Name").asText());
            double rows = node.path("Plan Rows").asDouble();
            Set<Condition.Predicate> predicates = new LinkedHashSet<>();
            boolean filtered = node.hasNonNull("Filter");
            own(Condition.parse(node.path("Filter").asText(null)), alias, predicates);
            if (INDEX_SCANS.contains(type)) {
                if (!filtered) {
                    continue; // the index it uses already does the whole job
                }
                own(Condition.parse(node.path("Index Cond").asText(null)), alias, predicates);
                own(Condition.parse(bitmapIndexCond(node)), alias, predicates);
            }
            for (Join join : joins) {
                boolean selective = join.nodeType().equals("Nested Loop") || join.rows() * 10 < rows;
                if (!selective) {
                    continue;
                }
                for (Condition.JoinEquality equality : join.terms().joins()) {
                    if (alias.equals(equality.leftQualifier())) {
                        predicates.add(new Condition.Predicate(alias, equality.leftColumn(), Condition.Kind.EQUALITY));
                    } else if (alias.equals(equality.rightQualifier())) {
                        predicates.add(new Condition.Predicate(alias, equality.rightColumn(), Condition.Kind.EQUALITY));
                    }
                }
            }
            if (predicates.isEmpty()) {
                continue;
            }
            result.add(new Scan(node.path("Schema").asText(null), node.path("Relation Name").asText(), alias, type,
                    List.copyOf(predicates), node.path("Total Cost").asDouble(), planCost, rows));
        }
        return result;
    }

    private static void collect(JsonNode node, List<JsonNode> scans, List<Join> joins) {
        String type = node.path("Node Type").asText();
        if (node.hasNonNull("Relation Name") && (type.equals("Seq Scan") || INDEX_SCANS.contains(type))) {
            scans.add(node);
        }
        double rows = node.path("Plan Rows").asDouble();
        for (String field : List.of("Hash Cond", "Merge Cond", "Join Filter")) {
            Condition.Terms terms = Condition.parse(node.path(field).asText(null));
            if (!terms.joins().isEmpty()) {
                joins.add(new Join(type, rows, terms));
            }
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, scans, joins);
        }
    }

    /** A bitmap heap scan's own index condition sits in its Bitmap Index Scan child. */
    private static String bitmapIndexCond(JsonNode node) {
        for (JsonNode child : node.path("Plans")) {
            if (child.path("Node Type").asText().equals("Bitmap Index Scan")) {
                return child.path("Index Cond").asText(null);
            }
        }
        return null;
    }

    private static void own(Condition.Terms terms, String alias, Set<Condition.Predicate> into) {
        for (Condition.Predicate predicate : terms.predicates()) {
            if (predicate.qualifier() == null || predicate.qualifier().equals(alias)) {
                into.add(new Condition.Predicate(alias, predicate.column(), predicate.kind()));
            }
        }
    }
}
