package io.callbook.common.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.RequestId;
import io.callbook.devstack.Devstack;
import io.callbook.testsupport.ManagementPort;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
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
    OutboxBacklog backlog;

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
        assertEquals(0, ((Number) row(eventId, "select attempts from outbox where event_id = ?").orElseThrow()).intValue(),
                "Kafka being away is no fault of the row's, so it counts no attempt towards parking");
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
    @Timeout(180)
    void whileAnotherReplicaRelaysThisOneWaitsItsTurnAndThenSendsFromTheOldestRow() throws Exception {
        UUID eventId = insert(null, Instant.now());
        CompletableFuture<Void> run;
        try (Connection otherRelay = dataSource.getConnection()) {
            takeTheTurn(otherRelay);

            run = CompletableFuture.runAsync(relay::relayPending);

            await().atMost(PATIENCE).until(this::aRelayWaitsForItsTurn);
            assertTrue(publishedAt(eventId).isEmpty(), "nothing is sent while another replica has the turn");
            otherRelay.commit();
        }

        run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(PATIENCE).until(() -> {
            relay.relayPending();
            return publishedAt(eventId).isPresent();
        });
    }

    @Test
    @Timeout(180)
    void aRelayThatDoesNotGetItsTurnWithinTheLockTimeoutGivesUpAndTheNextRunSends() throws Exception {
        UUID eventId = insert(null, Instant.now());
        UUID second = insert(null, Instant.now());
        try (Connection otherRelay = dataSource.getConnection()) {
            takeTheTurn(otherRelay);

            long started = System.nanoTime();
            relay.relayPending();
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            // The lock timeout is the send timeout (15 s here) plus 5 s: without it the relay would wait for good.
            assertTrue(waited.compareTo(Duration.ofSeconds(19)) >= 0, "gave up after " + waited);
            assertTrue(publishedAt(eventId).isEmpty(), "nothing is sent while another replica has the turn");
            otherRelay.commit();
        }

        await().atMost(PATIENCE).until(() -> {
            relay.relayPending();
            return publishedAt(eventId).isPresent();
        });
        assertTrue(publishedAt(second).isPresent(), "the batch is marked published as a whole");
    }

    @Test
    @Timeout(300)
    void aRowKafkaRefusesIsParkedOnItsThirdAttemptAndOnlyThenDoTheRowsBehindItLeave() throws Exception {
        String aggregateId = "poisoned-" + UUID.randomUUID();
        UUID before = insert(aggregateId, "{\"n\": 1}");
        // Beyond the producer's max.request.size (1 MiB): Kafka's client refuses it for good, every time.
        UUID poison = insert(aggregateId, "{\"blob\": \"" + "x".repeat(1_200_000) + "\"}");
        UUID after = insert(aggregateId, "{\"n\": 3}");

        await().atMost(PATIENCE).until(() -> {
            relay.relayPending();
            return parkedAt(poison).isPresent();
        });
        await().atMost(PATIENCE).until(() -> {
            relay.relayPending();
            return publishedAt(after).isPresent();
        });

        assertTrue(publishedAt(before).isPresent());
        assertTrue(publishedAt(poison).isEmpty(), "a parked row is never sent");
        assertEquals(3, ((Number) row(poison, "select attempts from outbox where event_id = ?").orElseThrow()).intValue());
        assertTrue(row(poison, "select last_error from outbox where event_id = ?").orElseThrow().toString()
                .contains("RecordTooLarge"));
        assertFalse(publishedAt(after).get().isBefore(parkedAt(poison).get()),
                "the row behind the refused one waited until it was parked");
        // In Kafka: the first event, then the third, never the refused one. The third went out with every attempt of
        // the refused row but was marked published only once that was parked: the duplicates are for consumers to drop.
        List<String> sent = consumeAll(aggregateId, 2).stream().map(ConsumerRecord::value).toList();
        assertEquals("{\"n\": 1}", sent.get(0), sent.toString());
        assertTrue(sent.subList(1, sent.size()).stream().allMatch("{\"n\": 3}"::equals), sent.toString());

        backlog.refresh();
        String metrics = given().port(ManagementPort.get()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(OutboxBacklogTest.value(metrics, "callbook_outbox_parked ") >= 1, metrics);
        assertTrue(OutboxBacklogTest.value(metrics, "callbook_outbox_parked_events_total ") >= 1, metrics);
        given().port(ManagementPort.get()).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.mode", startsWith("degraded"));

        row(poison, "delete from outbox where event_id = ? returning 1");
        backlog.refresh();
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

    /** Every record of this key, in the order Kafka holds them, once {@code count} have arrived. */
    private List<ConsumerRecord<String, String>> consumeAll(String key, int count) {
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
                return found.size() >= count;
            });
            return found;
        }
    }

    /** What another replica's relay holds while it relays. */
    private static void takeTheTurn(Connection otherRelay) throws SQLException {
        otherRelay.setAutoCommit(false);
        try (PreparedStatement turn = otherRelay.prepareStatement(
                "select count(*) from (select pg_advisory_xact_lock(?, hashtext(current_schema()))) turn")) {
            turn.setInt(1, 0x0B0C5);
            turn.executeQuery().close();
        }
    }

    private boolean aRelayWaitsForItsTurn() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from pg_locks where locktype = 'advisory' and classid = ? and not granted")) {
            query.setInt(1, 0x0B0C5);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** An unpublished row of this aggregate with this payload, without waking this replica's relay. */
    private UUID insert(String aggregateId, String payload) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox (event_id, topic, event_type, aggregate_id, payload, created_at)
                     values (?, ?, 'callbook.test.thing-changed.v1', ?, ?::jsonb, now())""")) {
            insert.setObject(1, eventId);
            insert.setString(2, TOPIC);
            insert.setString(3, aggregateId);
            insert.setString(4, payload);
            insert.executeUpdate();
        }
        return eventId;
    }

    private Optional<Instant> parkedAt(UUID eventId) throws SQLException {
        return row(eventId, "select parked_at from outbox where event_id = ? and parked_at is not null")
                .map(value -> ((Timestamp) value).toInstant());
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
