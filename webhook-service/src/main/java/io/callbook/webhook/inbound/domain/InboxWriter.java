package io.callbook.webhook.inbound.domain;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

/**
 * Stores the rows of acknowledged webhooks, those of requests that arrive together in one insert. A single-row insert
 * costs PostgreSQL about four times a row's share of a many-row one (its statement, its round trip, its commit), and
 * every provider webhook is one. A request queues its row; if no insert is running it runs one with every row
 * queued, its own among them, else it waits for the running one to end: then its row is stored, or it runs the next.
 * So nothing waits while webhooks come one at a time, and under load the rows that came during one insert go in the
 * next. Each insert commits before any of its requests is answered, so a 202 still means the row is in PostgreSQL
 * (ADR 0007).
 */
@ApplicationScoped
public class InboxWriter {

    private static final String INSERT = """
            insert into inbound_events (id, integration_id, company_id, provider, event_type, dedupe_key, status,
                                        priority, body, received_at, reschedule_uid)
            select * from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as uuid[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as smallint[]),
                                 cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]))
            on conflict on constraint inbound_events_once do nothing
            returning id""";
    /** Bodies may reach a megabyte: an insert takes rows up to about this much body, and always at least one. */
    private static final int MAX_BODY_CHARS_PER_INSERT = 1 << 20;

    private final DataSource dataSource;
    private final int maxRowsPerInsert;
    private final Queue<Waiting> queued = new ArrayDeque<>();
    private boolean inserting;

    public InboxWriter(DataSource dataSource, InboxConfig config) {
        this.dataSource = dataSource;
        this.maxRowsPerInsert = Math.max(1, config.maxRowsPerInsert());
    }

    /**
     * @return false when the inbox already held a row of the same integration and dedupe key: this one was not stored
     * @throws IllegalStateException when the row could not be stored
     */
    public boolean store(InboxRow row) {
        if (maxRowsPerInsert == 1) {
            return insertAlone(row);
        }
        Waiting mine = new Waiting(row);
        synchronized (this) {
            queued.add(mine);
            while (inserting && !mine.settled) {
                awaitInsert();
            }
            if (mine.settled) {
                return mine.outcome();
            }
            inserting = true;
        }
        try {
            while (true) {
                List<Waiting> batch;
                synchronized (this) {
                    if (mine.settled) {
                        break;
                    }
                    batch = next();
                }
                insert(batch);
            }
        } finally {
            synchronized (this) {
                inserting = false;
                notifyAll();
            }
        }
        return mine.outcome();
    }

    /** Rows waiting for an insert, for tests that line requests up behind one. */
    synchronized int queuedRows() {
        return queued.size();
    }

    private void awaitInsert() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the webhook was being stored", e);
        }
    }

    private List<Waiting> next() {
        List<Waiting> batch = new ArrayList<>();
        long bodyChars = 0;
        while (!queued.isEmpty() && batch.size() < maxRowsPerInsert
                && (batch.isEmpty() || bodyChars + queued.peek().row.body().length() <= MAX_BODY_CHARS_PER_INSERT)) {
            Waiting next = queued.poll();
            bodyChars += next.row.body().length();
            batch.add(next);
        }
        return batch;
    }

    /** Settles every row of the batch, whatever happens, and wakes their requests. */
    private void insert(List<Waiting> batch) {
        int size = batch.size();
        Boolean[] stored = new Boolean[size];
        RuntimeException[] failures = new RuntimeException[size];
        try {
            Set<UUID> inserted = insertRows(batch.stream().map(Waiting::row).toList());
            for (int i = 0; i < size; i++) {
                stored[i] = inserted.contains(batch.get(i).row.id());
            }
        } catch (SQLException e) {
            boolean rowsOwnError = e.getSQLState() != null
                    && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"));
            for (int i = 0; i < size; i++) {
                InboxRow row = batch.get(i).row;
                if (size > 1 && rowsOwnError) {
                    // One row's bad value would fail every request of the batch: each is tried alone, so it fails
                    // only its own.
                    try {
                        stored[i] = insertAlone(row);
                    } catch (RuntimeException alone) {
                        failures[i] = alone;
                    }
                } else {
                    failures[i] = failed(row, e);
                }
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < size; i++) {
                failures[i] = failed(batch.get(i).row, e);
            }
        } finally {
            synchronized (this) {
                for (int i = 0; i < size; i++) {
                    batch.get(i).settle(stored[i], failures[i]);
                }
                notifyAll();
            }
        }
    }

    private boolean insertAlone(InboxRow row) {
        try {
            return insertRows(List.of(row)).contains(row.id());
        } catch (SQLException | RuntimeException e) {
            throw failed(row, e);
        }
    }

    private static IllegalStateException failed(InboxRow row, Exception cause) {
        return new IllegalStateException("Could not store a " + row.provider() + " webhook", cause);
    }

    private Set<UUID> insertRows(List<InboxRow> rows) throws SQLException {
        int size = rows.size();
        UUID[] ids = new UUID[size];
        UUID[] integrations = new UUID[size];
        UUID[] companies = new UUID[size];
        String[] providers = new String[size];
        String[] types = new String[size];
        String[] keys = new String[size];
        String[] statuses = new String[size];
        Short[] priorities = new Short[size];
        String[] bodies = new String[size];
        String[] receivedAt = new String[size];
        String[] rescheduleUids = new String[size];
        for (int i = 0; i < size; i++) {
            InboxRow row = rows.get(i);
            ids[i] = row.id();
            integrations[i] = row.integrationId();
            companies[i] = row.companyId();
            providers[i] = row.provider();
            types[i] = row.eventType();
            keys[i] = row.dedupeKey();
            statuses[i] = row.status();
            priorities[i] = row.priority();
            bodies[i] = row.body();
            receivedAt[i] = row.receivedAt().toString();
            rescheduleUids[i] = row.rescheduleUid();
        }
        Set<UUID> stored = new HashSet<>(size * 2);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("uuid", integrations));
            insert.setArray(3, connection.createArrayOf("uuid", companies));
            insert.setArray(4, connection.createArrayOf("text", providers));
            insert.setArray(5, connection.createArrayOf("text", types));
            insert.setArray(6, connection.createArrayOf("text", keys));
            insert.setArray(7, connection.createArrayOf("text", statuses));
            insert.setArray(8, connection.createArrayOf("int2", priorities));
            insert.setArray(9, connection.createArrayOf("text", bodies));
            insert.setArray(10, connection.createArrayOf("text", receivedAt));
            insert.setArray(11, connection.createArrayOf("text", rescheduleUids));
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    stored.add(inserted.getObject(1, UUID.class));
                }
            }
        }
        return stored;
    }

    /** An acknowledged webhook's row in the inbox. */
    public record InboxRow(UUID id, UUID integrationId, UUID companyId, String provider, String eventType,
                           String dedupeKey, String status, short priority, String body, Instant receivedAt,
                           String rescheduleUid) {
    }

    /** A request's row while it waits; its fields are read and written only while holding the writer's monitor. */
    private static final class Waiting {
        private final InboxRow row;
        private boolean settled;
        private boolean stored;
        private RuntimeException failure;

        private Waiting(InboxRow row) {
            this.row = row;
        }

        private InboxRow row() {
            return row;
        }

        /** @param stored null when the insert ended without saying (an error), which then counts as a failure */
        private void settle(Boolean stored, RuntimeException failure) {
            this.settled = true;
            this.stored = stored != null && stored;
            this.failure = failure != null || stored != null ? failure : failed(row, null);
        }

        private boolean outcome() {
            if (failure != null) {
                throw failure;
            }
            return stored;
        }
    }
}
