package io.callbook.webhook.signing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves every sealed value to the current key, after a rotation: the step between adding a new key and dropping the
 * old one. Row by row in small keyset batches, each update conditional on the value it read, so it runs beside live
 * traffic (a secret rotated meanwhile is left as its rotation wrote it, already under the current key). Removed
 * integrations and endpoints are included: their rows would otherwise keep the old key alive. A value no configured key
 * opens is counted and logged, never changed. Running it again is harmless.
 */
@ApplicationScoped
public class SecretReencryption {

    private static final Logger LOG = Logger.getLogger(SecretReencryption.class);
    private static final int BATCH = 200;
    /** Every column that holds a {@link SecretBox} value. A new one must be added here. */
    private static final List<String> SEALED = List.of("integrations", "webhook_endpoints");

    private final SecretBox secrets;
    private final DataSource dataSource;

    public SecretReencryption(SecretBox secrets, DataSource dataSource) {
        this.secrets = secrets;
        this.dataSource = dataSource;
    }

    /** @return what moved, and what is still not under the current key (drop an old key only when that is 0) */
    public Result run() {
        int reencrypted = 0;
        int unreadable = 0;
        long remaining = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (String table : SEALED) {
                UUID after = new UUID(0, 0);
                List<Row> batch;
                do {
                    batch = notCurrent(connection, table, after);
                    for (Row row : batch) {
                        after = row.id();
                        String plain;
                        try {
                            plain = secrets.open(row.sealed());
                        } catch (IllegalStateException e) {
                            unreadable++;
                            LOG.warnf("%s %s: sealed value not re-encrypted: %s", table, row.id(), e.getMessage());
                            continue;
                        }
                        reencrypted += replace(connection, table, row, secrets.seal(plain));
                    }
                } while (batch.size() == BATCH);
                remaining += countNotCurrent(connection, table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Re-encryption stopped: " + e.getMessage(), e);
        }
        LOG.infof("Re-encrypted %d sealed values to key %s; %d could not be opened; %d not under it", reencrypted,
                secrets.currentKeyId(), unreadable, remaining);
        return new Result(secrets.currentKeyId(), reencrypted, unreadable, remaining);
    }

    private List<Row> notCurrent(Connection connection, String table, UUID after) throws SQLException {
        String prefix = secrets.currentKeyId() + ":";
        try (PreparedStatement select = connection.prepareStatement("select id, secret_sealed from " + table
                + " where id > ? and left(secret_sealed, ?) <> ? order by id limit ?")) {
            select.setObject(1, after);
            select.setInt(2, prefix.length());
            select.setString(3, prefix);
            select.setInt(4, BATCH);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getObject(1, UUID.class), result.getString(2)));
                }
            }
            return rows;
        }
    }

    private static int replace(Connection connection, String table, Row row, String sealed) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + table
                + " set secret_sealed = ? where id = ? and secret_sealed = ?")) {
            update.setString(1, sealed);
            update.setObject(2, row.id());
            update.setString(3, row.sealed());
            return update.executeUpdate();
        }
    }

    private long countNotCurrent(Connection connection, String table) throws SQLException {
        String prefix = secrets.currentKeyId() + ":";
        try (PreparedStatement count = connection.prepareStatement("select count(*) from " + table
                + " where left(secret_sealed, ?) <> ?")) {
            count.setInt(1, prefix.length());
            count.setString(2, prefix);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private record Row(UUID id, String sealed) {
    }

    /**
     * @param keyId       the current key, which every moved value is now sealed with
     * @param reencrypted values moved in this run
     * @param unreadable  values no configured key opens (left as they are, logged with their row)
     * @param remaining   values not under the current key after the run, in all tables
     */
    public record Result(String keyId, int reencrypted, int unreadable, long remaining) {
    }
}
