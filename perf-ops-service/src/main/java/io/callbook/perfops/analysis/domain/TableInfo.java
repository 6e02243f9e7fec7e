package io.callbook.perfops.analysis.domain;

/**
 * A user table with its activity since the statistics were last reset (pg_stat_user_tables and pg_class).
 *
 * @param reltuples the planner's row estimate (-1 before the first ANALYZE)
 * @param writes    rows inserted, updated and deleted
 */
public record TableInfo(String schema, String name, long seqScan, long seqTupRead, long idxScan, long liveRows,
                        double reltuples, long writes, long totalBytes) {

    /**
     * The row count to reason with: the planner's estimate once there is one (pg_stats' fractions are of it), else
     * the live rows.
     */
    public double rows() {
        return reltuples >= 0 ? reltuples : liveRows;
    }

    public String qualifiedName() {
        return Sql.identifier(schema) + "." + Sql.identifier(name);
    }
}
