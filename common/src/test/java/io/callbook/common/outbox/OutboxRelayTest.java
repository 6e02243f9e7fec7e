package io.callbook.common.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.RequestId;
import io.callbook.devstack.Devstack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transactional outbox against real PostgreSQL and Kafka. The scheduled poll is off in these tests
 * (application.properties): events leave on the commit's wake-up, and a test calls {@link OutboxRelay#relayPending()}
 * where the poll would catch up.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "callbook.common-test.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @AfterEach
    void unbindRequestIdAndRestartKafka() {
        MDC.remove("requestId");
        if (!Devstack.shared().isKafkaRunning()) {
            Devstack.shared().startKafka();
        }
    }

    @Test
    void anEventLeavesRightAfterItsCommitAsACloudEvent() throws Exception {
        String aggregateId = "thing-" + UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        RequestId.bind("req-outbox");

        UUID eventId = QuarkusTransaction.requiringNew().call(() ->
                outbox.publish(TOPIC, "callbook.test.thing-changed.v1", aggregateId, tenant, Map.of("name", "Anna")));

        ConsumerRecord<String, String> record = consume(aggregateId);
        // PostgreSQL keeps the payload as jsonb, which spaces it its own way.
        assertEquals(new ObjectMapper().readTree("{\"name\":\"Anna\"}"), new ObjectMapper().readTree(record.value()));
        assertEquals(eventId.toString(), header(record, "ce_id"));
        assertEquals("callbook.test.thing-changed.v1", header(record, "ce_type"));
        assertEquals("/callbook/common-test", header(record, "ce_source"));
        assertEquals(aggregateId, header(record, "ce_subject"));
        assertEquals(tenant.toString(), header(record, "ce_tenant"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("req-outbox", header(record, RequestId.HEADER));
        await().atMost(PATIENCE).until(() -> publishedAt(eventId).isPresent());
    }

    @Test
    void anEventKafkaHasNotAcknowledgedStaysQueuedAndLeavesOnceKafkaIsBack() throws Exception {
        String aggregateId = "thing-" + UUID.randomUUID();
        Devstack.shared().stopKafka();

        UUID eventId = QuarkusTransaction.requiringNew().call(() ->
                outbox.publish(TOPIC, "callbook.test.thing-changed.v1", aggregateId, null, Map.of("name", "Bea")));

        assertTrue(publishedAt(eventId).isEmpty(), "no acknowledgement, so not published");
        Devstack.shared().startKafka();
        await().atMost(PATIENCE).until(() -> {
            relay.relayPending();
            return publishedAt(eventId).isPresent();
        });
        assertEquals(eventId.toString(), header(consume(aggregateId), "ce_id"));
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() throws SQLException {
        UUID[] eventId = new UUID[1];

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            eventId[0] = outbox.publish(TOPIC, "callbook.test.thing-changed.v1", "rolled-back", null, Map.of());
            throw new IllegalStateException("the change fails after its event was written");
        }));

        assertFalse(exists(eventId[0]));
    }

    @Test
    void anEventIsWrittenOnlyInTheTransactionOfItsChange() {
        assertThrows(TransactionalException.class,
                () -> outbox.publish(TOPIC, "callbook.test.thing-changed.v1", "no-transaction", null, Map.of()));
    }

    @Test
    @Timeout(120)
    void aRowAnotherRelayHasClaimedIsSkippedNotWaitedFor() throws Exception {
        UUID eventId = insert(null, Instant.now());
        try (Connection otherRelay = dataSource.getConnection()) {
            otherRelay.setAutoCommit(false);
            try (PreparedStatement claim = otherRelay.prepareStatement(
                    "select id from outbox where event_id = ? for update")) {
                claim.setObject(1, eventId);
                claim.executeQuery().close();
            }

            relay.relayPending();

            assertTrue(publishedAt(eventId).isEmpty(), "the claimed row is left to its claimant");
            otherRelay.rollback();
        }

        // This replica's relay may still be busy with an earlier wake-up; whichever run claims the row relays it.
        await().atMost(PATIENCE).until(() -> {
            relay.relayPending();
            return publishedAt(eventId).isPresent();
        });
    }

    @Test
    void publishedEventsAreDeletedAfterTheRetentionUnpublishedOnesNever() throws Exception {
        Instant now = Instant.now();
        UUID old = insert(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(8)));
        UUID recent = insert(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
        UUID waiting = insert(null, now.minus(Duration.ofDays(30)));

        relay.deleteOldPublished();

        assertFalse(exists(old));
        assertTrue(exists(recent));
        assertTrue(exists(waiting));
    }

    private ConsumerRecord<String, String> consume(String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "common-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A row as another replica's transaction left it, without waking this replica's relay. */
    private UUID insert(Instant publishedAt, Instant createdAt) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox (event_id, topic, event_type, aggregate_id, payload, created_at, published_at)
                     values (?, ?, 'callbook.test.thing-changed.v1', ?, '{}'::jsonb, ?, ?)""")) {
            insert.setObject(1, eventId);
            insert.setString(2, TOPIC);
            insert.setString(3, "inserted-" + eventId);
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.setTimestamp(5, publishedAt == null ? null : Timestamp.from(publishedAt));
            insert.executeUpdate();
        }
        return eventId;
    }

    private boolean exists(UUID eventId) throws SQLException {
        return row(eventId, "select 1 from outbox where event_id = ?").isPresent();
    }

    private Optional<Instant> publishedAt(UUID eventId) throws SQLException {
        return row(eventId, "select published_at from outbox where event_id = ? and published_at is not null")
                .map(value -> ((Timestamp) value).toInstant());
    }

    private Optional<Object> row(UUID eventId, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1)) : Optional.empty();
            }
        }
    }
}
