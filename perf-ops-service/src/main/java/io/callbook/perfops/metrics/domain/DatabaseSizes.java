package io.callbook.perfops.metrics.domain;

import io.callbook.perfops.suite.domain.ServiceDatabase;
import io.callbook.perfops.suite.domain.SuiteServices;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Table and index sizes, bloat and scan counts of each service's database, from the statistics views (no extension
 * needed). Bloat is estimated as the dead share of a table's tuples ({@code n_dead_tup}), which is what vacuum will
 * reclaim; it does not see space vacuum already freed but did not give back. A database that cannot be read is listed
 * with its error, so one unreachable database does not hide the others.
 */
@ApplicationScoped
public class DatabaseSizes {

    /** The largest tables and indexes are listed; a service's own schema has far fewer. */
    private static final int LIMIT = 200;

    private static final String TABLES = """
            select schemaname, relname, pg_table_size(relid), pg_indexes_size(relid), pg_total_relation_size(relid),
                   n_live_tup, n_dead_tup, seq_scan, coalesce(idx_scan, 0)
            from pg_stat_user_tables
            order by pg_total_relation_size(relid) desc, relname
            limit""" + " " + LIMIT;

    private static final String INDEXES = """
            select s.schemaname, s.relname, s.indexrelname, pg_relation_size(s.indexrelid), s.idx_scan,
                   i.indisunique, i.indisvalid
            from pg_stat_user_indexes s join pg_index i on i.indexrelid = s.indexrelid
            order by pg_relation_size(s.indexrelid) desc, s.indexrelname
            limit""" + " " + LIMIT;

    /**
     * @param sizeBytes the whole database
     * @param error     why it could not be read; null when it was
     */
    public record DatabaseReport(String service, String database, Long sizeBytes, List<TableStats> tables,
                                 List<IndexStats> indexes, String error) {
    }

    /**
     * @param deadShare dead tuples over all tuples (0–1), the bloat estimate
     * @param seqScan   sequential scans since the statistics were reset
     * @param idxScan   index scans on the table, over all its indexes
     */
    public record TableStats(String schema, String table, long tableBytes, long indexBytes, long totalBytes,
                             long liveRows, long deadRows, double deadShare, long seqScan, long idxScan) {
    }

    /** @param idxScan 0 for an index never used since the statistics were reset */
    public record IndexStats(String schema, String table, String index, long bytes, long idxScan, boolean unique,
                             boolean valid) {
    }

    private final SuiteServices services;

    public DatabaseSizes(SuiteServices services) {
        this.services = services;
    }

    public List<DatabaseReport> all() {
        return services.databases().stream().map(DatabaseSizes::read).toList();
    }

    static DatabaseReport read(ServiceDatabase database) {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute("set statement_timeout = 5000");
            long size;
            try (ResultSet rows = statement.executeQuery("select pg_database_size(current_database())")) {
                rows.next();
                size = rows.getLong(1);
            }
            List<TableStats> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(TABLES)) {
                while (rows.next()) {
                    long live = rows.getLong(6);
                    long dead = rows.getLong(7);
                    tables.add(new TableStats(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), live, dead, live + dead == 0 ? 0 : (double) dead / (live + dead),
                            rows.getLong(8), rows.getLong(9)));
                }
            }
            List<IndexStats> indexes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(INDEXES)) {
                while (rows.next()) {
                    indexes.add(new IndexStats(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getLong(5), rows.getBoolean(6), rows.getBoolean(7)));
                }
            }
            return new DatabaseReport(database.service(), database.name(), size, tables, indexes, null);
        } catch (SQLException e) {
            return new DatabaseReport(database.service(), database.name(), null, List.of(), List.of(), e.getMessage());
        }
    }
}
