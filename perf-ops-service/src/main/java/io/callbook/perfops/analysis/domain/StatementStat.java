package io.callbook.perfops.analysis.domain;

import java.time.Instant;

/**
 * One pg_stat_statements entry, or what it did between two snapshots.
 *
 * @param query      the normalised text, constants as $n; empty in stored snapshots, which keep only the figures
 * @param statsSince when PostgreSQL started counting this entry: a later value for the same key means the entry was
 *                   evicted (or the statistics reset) and counts again from zero
 */
public record StatementStat(long queryId, long userId, boolean toplevel, String query, long calls, double totalMs,
                            long rows, Instant statsSince) {

    public record Key(long queryId, long userId, boolean toplevel) {
    }

    public Key key() {
        return new Key(queryId, userId, toplevel);
    }

    public double meanMs() {
        return calls == 0 ? 0 : totalMs / calls;
    }

    public double rowsPerCall() {
        return calls == 0 ? 0 : (double) rows / calls;
    }

    /** What this entry did since an earlier reading of the same entry. */
    StatementStat minus(StatementStat earlier) {
        return new StatementStat(queryId, userId, toplevel, query, calls - earlier.calls, totalMs - earlier.totalMs,
                rows - earlier.rows, statsSince);
    }
}
