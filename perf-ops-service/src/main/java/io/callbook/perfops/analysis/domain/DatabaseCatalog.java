package io.callbook.perfops.analysis.domain;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one service database's statistics and catalog, and plans its statements. Nothing here writes: EXPLAIN runs
 * without ANALYZE in a read-only transaction with a statement timeout, and a what-if index lives only in this
 * session's memory (HypoPG) until the transaction ends.
 */
public final class DatabaseCatalog {

    /** Only these can use an index for their rows; DDL, INSERT ... VALUES and utility statements cannot. */
    private static final Pattern PLANNABLE = Pattern.compile("(?is)^\\s*(/\\*.*?\\*/\\s*)*(select|with|update|delete)\\b.*");
    /** Statements on the catalog and statistics, e.g. this analysis's own. */
    private static final Pattern INTROSPECTION = Pattern.compile("(?i).*\\b(pg_stat_\\w+|pg_catalog|pg_class|pg_index|pg_stats|hypopg_\\w+|information_schema|pg_available_extensions|pg_extension|pg_try_advisory_lock|pg_advisory_unlock)\\b.*", Pattern.DOTALL);

    private final Connection connection;

    public DatabaseCatalog(Connection connection) {
        this.connection = connection;
    }

    public static boolean plannable(String query) {
        return PLANNABLE.matcher(query).matches() && !introspection(query);
    }

    public static boolean introspection(String query) {
        return INTROSPECTION.matcher(query).matches() || query.stripLeading().toUpperCase(Locale.ROOT).startsWith("EXPLAIN");
    }

    public boolean extensionInstalled(String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    public boolean extensionAvailable(String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_available_extensions WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Creates an extension the analysis can use (HypoPG); it only adds functions. */
    public void installExtension(String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS " + Sql.identifier(name));
        }
    }

    /** This database's entries of pg_stat_statements (the view shows every database's). */
    public StatementSnapshot statements() throws SQLException {
        List<StatementStat> stats = new ArrayList<>();
        Instant takenAt;
        long dealloc;
        Instant statsReset;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT clock_timestamp(), i.dealloc, i.stats_reset FROM pg_stat_statements_info i")) {
                rows.next();
                takenAt = instant(rows, 1);
                dealloc = rows.getLong(2);
                statsReset = instant(rows, 3);
            }
            try (ResultSet rows = statement.executeQuery("""
                    SELECT s.queryid, s.userid, s.toplevel, s.query, s.calls, s.total_exec_time, s.rows, s.stats_since
                    FROM pg_stat_statements s
                    WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                      AND s.queryid IS NOT NULL""")) {
                while (rows.next()) {
                    stats.add(new StatementStat(rows.getLong(1), rows.getLong(2), rows.getBoolean(3),
                            rows.getString(4) == null ? "" : rows.getString(4), rows.getLong(5), rows.getDouble(6),
                            rows.getLong(7), instant(rows, 8)));
                }
            }
        }
        return new StatementSnapshot(takenAt, dealloc, statsReset, stats);
    }

    /** When this database's table and index statistics were last reset; empty when never since it was created. */
    public Optional<java.time.Instant> statisticsResetAt() throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery(
                     "SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()")) {
            if (!rows.next()) {
                return Optional.empty();
            }
            java.sql.Timestamp reset = rows.getTimestamp(1);
            return Optional.ofNullable(reset).map(java.sql.Timestamp::toInstant);
        }
    }

    public List<TableInfo> tables() throws SQLException {
        List<TableInfo> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT t.schemaname, t.relname, coalesce(t.seq_scan, 0), coalesce(t.seq_tup_read, 0),
                            coalesce(t.idx_scan, 0), t.n_live_tup, c.reltuples,
                            t.n_tup_ins + t.n_tup_upd + t.n_tup_del, pg_total_relation_size(t.relid)
                     FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid
                     ORDER BY t.schemaname, t.relname""")) {
            while (rows.next()) {
                tables.add(new TableInfo(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5), rows.getLong(6), rows.getDouble(7), rows.getLong(8), rows.getLong(9)));
            }
        }
        return tables;
    }

    public List<IndexInfo> indexes() throws SQLException {
        List<IndexInfo> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT n.nspname, t.relname, i.relname,
                            ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true)
                                  FROM generate_series(1, x.indnkeyatts) k ORDER BY k),
                            am.amname, pg_get_expr(x.indpred, x.indrelid, true), x.indisunique, x.indisprimary,
                            x.indisvalid, EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid),
                            coalesce(s.idx_scan, 0), pg_relation_size(x.indexrelid), pg_get_indexdef(x.indexrelid)
                     FROM pg_index x
                     JOIN pg_class i ON i.oid = x.indexrelid
                     JOIN pg_class t ON t.oid = x.indrelid
                     JOIN pg_namespace n ON n.oid = t.relnamespace
                     JOIN pg_am am ON am.oid = i.relam
                     LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = x.indexrelid
                     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
                     ORDER BY n.nspname, t.relname, i.relname""")) {
            while (rows.next()) {
                Array columns = rows.getArray(4);
                indexes.add(new IndexInfo(rows.getString(1), rows.getString(2), rows.getString(3),
                        List.of((String[]) columns.getArray()), rows.getString(5), rows.getString(6),
                        rows.getBoolean(7), rows.getBoolean(8), rows.getBoolean(9), rows.getBoolean(10),
                        rows.getLong(11), rows.getLong(12), rows.getString(13)));
            }
        }
        return indexes;
    }

    /** pg_stats of one table, by column name; empty before its first ANALYZE. */
    public Map<String, ColumnStats> columnStats(String schema, String table) throws SQLException {
        Map<String, ColumnStats> stats = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT attname, null_frac, n_distinct FROM pg_stats WHERE schemaname = ? AND tablename = ? AND NOT inherited")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stats.put(rows.getString(1), new ColumnStats(rows.getString(1), rows.getDouble(2), rows.getDouble(3)));
                }
            }
        }
        return stats;
    }

    /**
     * The generic plan of a normalised statement ($n placeholders need no values with GENERIC_PLAN), as JSON; empty
     * when PostgreSQL cannot plan it (an unknown parameter type, a dropped table, the timeout).
     */
    public Optional<String> explain(String query, Duration timeout) throws SQLException {
        return inReadOnlyTransaction(timeout, () -> plan(query));
    }

    /**
     * The generic plan's cost with a hypothetical index added (HypoPG), and whether the planner used it; empty when
     * the statement cannot be planned. The hypothetical index is gone when this returns.
     *
     * @param definition e.g. CREATE INDEX ON public.appointment (branch_id, starts_at)
     */
    public Optional<WhatIf> whatIf(String query, String definition, Duration timeout) throws SQLException {
        return inReadOnlyTransaction(timeout, () -> {
            String indexName;
            try (PreparedStatement create = connection.prepareStatement("SELECT indexname FROM hypopg_create_index(?)")) {
                create.setString(1, definition);
                try (ResultSet rows = create.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    indexName = rows.getString(1);
                }
            }
            try {
                return plan(query).map(json -> new WhatIf(PlanScans.totalCost(json), PlanScans.usesIndex(json, indexName)));
            } finally {
                try (Statement reset = connection.createStatement()) {
                    reset.execute("SELECT hypopg_reset()");
                }
            }
        });
    }

    /** @param cost the plan's total cost with the hypothetical index */
    public record WhatIf(double cost, boolean used) {
    }

    private Optional<String> plan(String query) throws SQLException {
        Optional<String> single = singleStatement(query);
        if (single.isEmpty()) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN (GENERIC_PLAN, VERBOSE, FORMAT JSON) " + single.get())) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    /**
     * The text without a trailing semicolon, or empty when a semicolon outside quotes would start a second statement:
     * the text comes from pg_stat_statements and is planned, never trusted.
     */
    static Optional<String> singleStatement(String query) {
        String text = query.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        boolean quoted = false;
        boolean identifier = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && !identifier) {
                quoted = !quoted;
            } else if (c == '"' && !quoted) {
                identifier = !identifier;
            } else if (c == ';' && !quoted && !identifier) {
                return Optional.empty();
            }
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private interface Work<T> {
        Optional<T> run() throws SQLException;
    }

    private <T> Optional<T> inReadOnlyTransaction(Duration timeout, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION READ ONLY");
            statement.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
            return work.run();
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState()) || (e.getSQLState() != null && !e.getSQLState().startsWith("08"))) {
                return Optional.empty(); // the statement cannot be planned; the connection itself is fine
            }
            throw e;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
