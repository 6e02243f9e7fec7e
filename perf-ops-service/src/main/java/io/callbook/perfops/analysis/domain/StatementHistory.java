package io.callbook.perfops.analysis.domain;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The snapshots of pg_stat_statements, per service, in perf-ops-service's own database. Older snapshots than the
 * configured history are deleted when a new one is saved; the latest always stays, since the next window starts there.
 */
@ApplicationScoped
public class StatementHistory {

    private final DataSource dataSource;
    private final AnalysisConfig config;

    public StatementHistory(DataSource dataSource, AnalysisConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The first snapshot still kept of this service's database: since when perf-ops has watched it. */
    public Optional<Instant> watchedSince(String service) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT min(taken_at) FROM statement_snapshot WHERE service = ?")) {
            statement.setString(1, service);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Optional.ofNullable(instant(rows, 1));
            }
        }
    }

    public Optional<StatementSnapshot> latest(String service) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Instant takenAt;
            long dealloc;
            Instant statsReset;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT taken_at, dealloc, stats_reset FROM statement_snapshot WHERE service = ? ORDER BY taken_at DESC LIMIT 1")) {
                statement.setString(1, service);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    takenAt = instant(rows, 1);
                    dealloc = rows.getLong(2);
                    statsReset = instant(rows, 3);
                }
            }
            List<StatementStat> stats = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT queryid, userid, toplevel, calls, total_ms, rows, stats_since
                    FROM statement_snapshot_entry WHERE service = ? AND taken_at = ?""")) {
                statement.setString(1, service);
                statement.setObject(2, takenAt.atOffset(ZoneOffset.UTC));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        stats.add(new StatementStat(rows.getLong(1), rows.getLong(2), rows.getBoolean(3), "",
                                rows.getLong(4), rows.getDouble(5), rows.getLong(6), instant(rows, 7)));
                    }
                }
            }
            return Optional.of(new StatementSnapshot(takenAt, dealloc, statsReset, stats));
        }
    }

    public void save(String service, StatementSnapshot snapshot) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                OffsetDateTime takenAt = snapshot.takenAt().atOffset(ZoneOffset.UTC);
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO statement_snapshot (service, taken_at, dealloc, stats_reset) VALUES (?, ?, ?, ?)")) {
                    statement.setString(1, service);
                    statement.setObject(2, takenAt);
                    statement.setLong(3, snapshot.dealloc());
                    statement.setObject(4, snapshot.statsReset() == null ? null : snapshot.statsReset().atOffset(ZoneOffset.UTC));
                    statement.executeUpdate();
                }
                try (PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO statement_snapshot_entry
                            (service, taken_at, queryid, userid, toplevel, stats_since, calls, total_ms, rows)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                    int batched = 0;
                    for (StatementStat stat : snapshot.statements()) {
                        statement.setString(1, service);
                        statement.setObject(2, takenAt);
                        statement.setLong(3, stat.queryId());
                        statement.setLong(4, stat.userId());
                        statement.setBoolean(5, stat.toplevel());
                        statement.setObject(6, stat.statsSince() == null ? null : stat.statsSince().atOffset(ZoneOffset.UTC));
                        statement.setLong(7, stat.calls());
                        statement.setDouble(8, stat.totalMs());
                        statement.setLong(9, stat.rows());
                        statement.addBatch();
                        if (++batched % 500 == 0) {
                            statement.executeBatch();
                        }
                    }
                    statement.executeBatch();
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM statement_snapshot WHERE service = ? AND taken_at < ? AND taken_at < ?")) {
                    statement.setString(1, service);
                    statement.setObject(2, takenAt);
                    statement.setTimestamp(3, Timestamp.from(Instant.now().minus(retention())));
                    statement.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private Duration retention() {
        return config.history();
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
