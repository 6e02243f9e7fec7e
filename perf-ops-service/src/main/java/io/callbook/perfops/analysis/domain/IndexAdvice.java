package io.callbook.perfops.analysis.domain;

import io.callbook.perfops.operation.domain.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An index worth creating.
 *
 * @param columns        equality columns first (most selective first), then at most one range column
 * @param equalityCount  how many of the columns are compared by equality
 * @param selectivity    estimated share of the table's rows the index finds for one call
 * @param calls          calls of the statements it serves
 * @param savedMs        estimated time saved over those calls
 * @param penaltyMs      estimated time the table's writes would spend maintaining it
 * @param method         "hypopg" (what-if plan) or "heuristic" (pg_stats selectivity)
 * @param statements     the statements it serves
 */
public record IndexAdvice(String service, String schema, String table, List<String> columns, int equalityCount,
                          double selectivity, long calls, double savedMs, double penaltyMs, String method,
                          List<String> statements) {

    private static final int MAX_NAME = 63;

    public IndexAdvice {
        columns = List.copyOf(columns);
        statements = List.copyOf(statements);
    }

    public double score() {
        return savedMs - penaltyMs;
    }

    /** PostgreSQL's own naming (table_col1_col2_idx), shortened with a hash to fit 63 bytes. */
    public String name() {
        String name = table + "_" + String.join("_", columns) + "_idx";
        name = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = hash(schema + "." + table + columns).substring(0, 8);
        return name.substring(0, MAX_NAME - 9 - 4) + "_" + hash + "_idx";
    }

    public String qualifiedTable() {
        return Sql.identifier(schema) + "." + Sql.identifier(table);
    }

    public String qualifiedName() {
        return Sql.identifier(schema) + "." + Sql.identifier(name());
    }

    public String columnList() {
        return columns.stream().map(Sql::identifier).collect(Collectors.joining(", "));
    }

    /** The statement to run, outside a transaction. */
    public String createStatement() {
        return "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + Sql.identifier(name()) + " ON " + qualifiedTable()
                + " (" + columnList() + ")";
    }

    /** Stable across runs, e.g. index:booking:appointment(branch_id,starts_at); schemas other than public are named. */
    public String key() {
        return "index:" + service + ":" + (schema.equals("public") ? "" : schema + ".") + table + "("
                + String.join(",", columns) + ")";
    }

    public Finding finding() {
        String text = String.format(Locale.ROOT,
                "%s: an index on %s (%s) would save about %.0f ms over %d calls (%s estimate, %.2f%% of rows per call)",
                service, qualifiedTable(), columnList(), savedMs, calls, method, selectivity * 100);
        return new Finding(key(), service, "missing-index", text, createStatement());
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
