package io.callbook.perfops.operation.infra;

import io.agroal.api.AgroalDataSource;
import io.callbook.perfops.operation.domain.RunLock;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A session-level PostgreSQL advisory lock in perf-ops's own database, held on a connection of its own for the whole
 * run. A lease row would need expiry and renewal; the advisory lock is freed by PostgreSQL itself when the replica
 * holding it dies and its connection drops, so a crashed run never blocks the next.
 */
@ApplicationScoped
public class AdvisoryRunLock implements RunLock {

    private static final Logger LOG = Logger.getLogger(AdvisoryRunLock.class);
    /** Any fixed number; the same in every replica. */
    private static final long KEY = 0x0C_A11_B00CL;

    private final AgroalDataSource dataSource;

    public AdvisoryRunLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Held> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new HeldLock(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot take the ops run lock: " + e.getMessage(), e);
        }
    }

    private record HeldLock(Connection connection) implements Held {

        @Override
        public void close() {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
            } catch (SQLException e) {
                LOG.warnf("Could not release the ops run lock (%s); it goes with the connection", e.getMessage());
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the lock connection failed", e);
            }
        }
    }
}
