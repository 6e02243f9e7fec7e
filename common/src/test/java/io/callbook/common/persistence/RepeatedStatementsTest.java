package io.callbook.common.persistence;

import io.callbook.testsupport.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * N+1 per request against real PostgreSQL: a route that loads rows one by one is reported with its route template,
 * in the log and in /q/metrics; a route that loads them at once is not.
 */
@QuarkusTest
class RepeatedStatementsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void rowsToLoadAndLogCapture() throws SQLException {
        for (int i = 0; i < 8; i++) {
            insertPublishedRow();
        }
        Logger.getLogger("callbook.n-plus-one").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("callbook.n-plus-one").removeHandler(capture);
    }

    @Test
    void aRouteThatLoadsRowsOneByOneIsCaughtWithItsRouteTemplate() {
        String route = "GET /test/statements/one-by-one/{count}";
        double before = counted(route);

        given().get("/test/statements/one-by-one/7").then().statusCode(200).body(equalTo("7"));

        await().atMost(PATIENCE).until(() -> counted(route) == before + 1);
        String line = repeatedStatementLines().stream().filter(l -> l.contains("route=\"" + route + "\""))
                .findFirst().orElseThrow();
        // The tag keeps the statement's first 200 characters (the outbox's select is longer); the log line has it whole.
        assertTrue(line.contains("statement=\"select oe1_0.id,oe1_0.aggregate_id,"), line);
        await().atMost(PATIENCE).until(() -> warnings.stream().anyMatch(r -> r.getMessage().contains("\"count\":7")));
        String warning = warnings.stream().filter(r -> r.getMessage().contains("\"count\":7")).findFirst()
                .orElseThrow().getMessage();
        assertTrue(warning.contains("\"route\":\"" + route + "\""), warning);
        assertTrue(warning.contains(" from outbox oe1_0 where oe1_0.id=?"), warning);
    }

    @Test
    void aRouteThatLoadsRowsAtOnceIsNotCounted() {
        String sentinel = "GET /test/statements/one-by-one/{count}";
        double before = counted(sentinel);

        given().get("/test/statements/at-once/7").then().statusCode(200).body(equalTo("7"));
        // An N+1 request after it: once that one is counted, the first one has long been reported if it ever is.
        given().get("/test/statements/one-by-one/6").then().statusCode(200);

        await().atMost(PATIENCE).until(() -> counted(sentinel) == before + 1);
        assertFalse(repeatedStatementLines().stream().anyMatch(l -> l.contains("at-once")),
                String.join("\n", repeatedStatementLines()));
        assertTrue(warnings.stream().noneMatch(r -> r.getMessage().contains("at-once")));
    }

    @Test
    void thePoolReportsItsMetricsAndItsConfiguredMaximum() {
        String metrics = given().port(ManagementPort.get()).get("/q/metrics").then().statusCode(200).extract().asString();

        assertTrue(metrics.contains("agroal_active_count{"), "Agroal's pool metrics are on");
        assertTrue(metrics.contains("agroal_awaiting_count{"));
        assertEquals("callbook_datasource_max_size{datasource=\"default\"} 32.0", metrics.lines()
                .filter(l -> l.startsWith("callbook_datasource_max_size{")).findFirst().orElse("absent"));
    }

    /** The route's count, 0 before its first N+1 (one statement shape repeats in these routes). */
    private static double counted(String route) {
        return repeatedStatementLines().stream().filter(l -> l.contains("route=\"" + route + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static List<String> repeatedStatementLines() {
        return given().port(ManagementPort.get()).get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("callbook_db_repeated_statements_total{"))
                .toList();
    }

    private void insertPublishedRow() throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox (event_id, topic, event_type, aggregate_id, payload, created_at, published_at)
                     values (?, 'callbook.common-test.v1', 'callbook.test.loaded.v1', ?, '{}'::jsonb, ?, ?)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, eventId);
            insert.setString(2, "loaded-" + eventId);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
    }
}
