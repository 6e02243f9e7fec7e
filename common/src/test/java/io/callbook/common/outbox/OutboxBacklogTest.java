package io.callbook.common.outbox;

import io.callbook.testsupport.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backlog gauges read the real table; the relay is kept off the waiting row by holding its lock. */
@QuarkusTest
class OutboxBacklogTest {

    @Inject
    OutboxBacklog backlog;

    @Inject
    DataSource dataSource;

    @Test
    void anUnpublishedEventShowsInTheBacklogWithItsAge() throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox (event_id, topic, event_type, aggregate_id, payload, created_at)
                    values (?, 'callbook.common-test.v1', 'callbook.test.waiting.v1', ?, '{}'::jsonb, ?)""")) {
                insert.setObject(1, eventId);
                insert.setString(2, "waiting-" + eventId);
                insert.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))));
                insert.executeUpdate();
            }
            connection.setAutoCommit(false);
            // A relay run (left over from another test) skips a locked row, so the row stays unpublished here.
            try (PreparedStatement claim = connection.prepareStatement(
                    "select id from outbox where event_id = ? for update")) {
                claim.setObject(1, eventId);
                claim.executeQuery().close();
            }

            backlog.refresh();

            String metrics = given().port(ManagementPort.get()).get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(value(metrics, "callbook_outbox_backlog ") >= 1, metrics);
            assertTrue(value(metrics, "callbook_outbox_oldest_age_seconds ") >= 600, metrics);
            connection.rollback();
        }
    }

    static double value(String metrics, String prefix) {
        return metrics.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(prefix.length()).trim()))
                .orElse(-1.0);
    }
}
