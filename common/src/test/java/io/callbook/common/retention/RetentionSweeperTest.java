package io.callbook.common.retention;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Handled event ids are forgotten after their period, a bounded batch per transaction (batch size 5 in tests). */
@QuarkusTest
class RetentionSweeperTest {

    @Inject
    RetentionSweeper sweeper;

    @Inject
    RetentionConfig config;

    @Inject
    DataSource dataSource;

    @Test
    void oldProcessedEventIdsGoInBatchesAndRecentOnesStay() throws SQLException {
        String consumer = "retention-test-" + UUID.randomUUID();
        Instant old = Instant.now().minus(config.processedEvents()).minus(Duration.ofHours(1));
        Instant recent = Instant.now().minus(config.processedEvents()).plus(Duration.ofHours(1));
        for (int i = 0; i < 12; i++) {
            insert(consumer, "old-" + i, old);
        }
        insert(consumer, "recent", recent);

        List<RetentionSweeper.Swept> swept = sweeper.sweep();

        RetentionSweeper.Swept processed = swept.stream().filter(s -> s.table().equals("processed_events")).findFirst()
                .orElseThrow();
        assertTrue(processed.deleted() >= 12, processed.toString());
        assertTrue(processed.largestBatch() <= config.batchSize(), processed.toString());
        assertTrue(processed.batches() >= 3, processed.toString());
        assertEquals(List.of("recent"), remaining(consumer));
    }

    private void insert(String consumer, String eventId, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into processed_events (consumer, event_id, processed_at) values (?, ?, ?)")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private List<String> remaining(String consumer) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select event_id from processed_events where consumer = ? order by event_id")) {
            select.setString(1, consumer);
            try (ResultSet rows = select.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        }
    }
}
