package io.callbook.perfops.analysis.domain;

import java.time.Instant;
import java.util.List;

/**
 * pg_stat_statements of one database at one moment, with pg_stat_statements_info.
 *
 * @param dealloc    how often entries were evicted to make room (pg_stat_statements.max) since the info was reset
 * @param statsReset when all statistics were last reset
 */
public record StatementSnapshot(Instant takenAt, long dealloc, Instant statsReset, List<StatementStat> statements) {

    public StatementSnapshot {
        statements = List.copyOf(statements);
    }
}
