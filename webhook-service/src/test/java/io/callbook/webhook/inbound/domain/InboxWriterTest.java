package io.callbook.webhook.inbound.domain;

import io.callbook.common.api.Ids;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InboxWriterTest {

    /** What an array literal must escape: quotes, braces, commas and backslashes. */
    private static final String AWKWARD_BODY = "{\"event\":\"call_started\",\"q\":\"\\\"{,}\\\\\"}";

    @Inject
    InboxWriter writer;

    @Inject
    DataSource dataSource;

    private UUID company;
    private UUID integration;

    @BeforeEach
    void integration() throws SQLException {
        company = UUID.randomUUID();
        integration = Ids.newId();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into integrations (id, company_id, provider, name, secret_sealed, created_at, updated_at)
                     values (?, ?, 'voice', 'Retell', 'sealed', now(), now())""")) {
            insert.setObject(1, integration);
            insert.setObject(2, company);
            insert.executeUpdate();
        }
    }

    @Test
    void requestsThatComeTogetherAreStoredOnceEach() throws Exception {
        ExecutorService providers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String key = "call-" + (i % 100) + ":call_started";
                answers.add(providers.submit(() -> writer.store(row(key, "{\"event\":\"call_started\"}"))));
            }
            int stored = 0;
            for (Future<Boolean> answer : answers) {
                stored += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(100, stored, "each event stored by exactly one of its four requests");
            assertEquals(100, count("select count(*) from inbound_events where integration_id = ?"));
        } finally {
            providers.shutdownNow();
        }
    }

    @Test
    void rowsQueuedBehindAnInsertGoTogetherAndABadOneFailsOnlyItself() throws Exception {
        ExecutorService providers = Executors.newFixedThreadPool(11);
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table inbound_events in share row exclusive mode");
            }
            Future<Boolean> first = providers.submit(() -> writer.store(row("first:call_started", "{}")));
            // The first request's insert waits for the lock; everything after it queues behind that insert.
            await().atMost(Duration.ofSeconds(30)).until(() -> insertsWaitingForALock() == 1);
            List<Future<Boolean>> good = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String key = "good-" + i + ":call_started";
                good.add(providers.submit(() -> writer.store(row(key, AWKWARD_BODY))));
            }
            Future<Boolean> twice = providers.submit(() -> writer.store(row("twice:call_started", "{}")));
            Future<Boolean> again = providers.submit(() -> writer.store(row("twice:call_started", "{}")));
            // PostgreSQL refuses a zero byte in text: this row's error must not fail the rows inserted with it.
            Future<Boolean> bad = providers.submit(() -> writer.store(row("bad:call_started", "{\"a\":\"\u0000\"}")));
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.queuedRows() == 10);
            blocker.rollback();

            assertTrue(first.get(30, TimeUnit.SECONDS));
            for (Future<Boolean> answer : good) {
                assertTrue(answer.get(30, TimeUnit.SECONDS));
            }
            assertNotEquals(twice.get(30, TimeUnit.SECONDS), again.get(30, TimeUnit.SECONDS),
                    "one of the two requests of the same event stores it");
            ExecutionException failure = assertThrows(ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, failure.getCause());
            assertEquals(9, count("select count(*) from inbound_events where integration_id = ?"));
            assertFalse(exists("bad:call_started"));
            assertEquals(AWKWARD_BODY, body("good-3:call_started"),
                    "quotes, braces, commas and backslashes survive the array");
        } finally {
            providers.shutdownNow();
        }
    }

    private InboxWriter.InboxRow row(String dedupeKey, String body) {
        return new InboxWriter.InboxRow(Ids.newId(), integration, company, "voice", "call_started", dedupeKey,
                InboundEvent.IGNORED, (short) 1, body, Instant.now(), null);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, integration);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private long insertsWaitingForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement select = connection.createStatement();
             ResultSet result = select.executeQuery("""
                     select count(*) from pg_stat_activity
                     where wait_event_type = 'Lock' and query like 'insert into inbound_events%'""")) {
            result.next();
            return result.getLong(1);
        }
    }

    private boolean exists(String dedupeKey) throws SQLException {
        return body(dedupeKey) != null;
    }

    private String body(String dedupeKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select body from inbound_events where integration_id = ? and dedupe_key = ?")) {
            select.setObject(1, integration);
            select.setString(2, dedupeKey);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
