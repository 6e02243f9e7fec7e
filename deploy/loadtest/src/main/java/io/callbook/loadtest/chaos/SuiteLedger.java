package io.callbook.loadtest.chaos;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the suite holds, read straight from its databases and Kafka: the run's inbox and call log in webhook-service,
 * appointments in booking-service, every service's unpublished outbox rows and the consumer groups' lag. Through the
 * APIs neither the outbox nor the lag is visible, and an answer of the API under test would test itself.
 */
final class SuiteLedger implements AutoCloseable {

    private static final String PROCESSED = "io.callbook.webhooks.inbound.processed";
    private static final String USER = "postgres";

    private final int postgresPort;
    private final String webhookDatabase;
    private final String bookingDatabase;
    private final List<String> outboxDatabases;
    private final Admin kafka;

    /** @param outboxDatabases every database whose outbox must drain; those that do not exist are left out */
    SuiteLedger(int postgresPort, int kafkaPort, String webhookDatabase, String bookingDatabase,
                List<String> outboxDatabases) {
        this.postgresPort = postgresPort;
        this.webhookDatabase = webhookDatabase;
        this.bookingDatabase = bookingDatabase;
        this.outboxDatabases = List.copyOf(outboxDatabases);
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        this.kafka = Admin.create(config);
    }

    /** The databases of the local suite (devstack's LocalService). */
    static SuiteLedger ofLocalSuite(int postgresPort, int kafkaPort) {
        return new SuiteLedger(postgresPort, kafkaPort, "webhook", "booking",
                List.of("resolver", "booking", "webhook", "perfops"));
    }

    /** A stored call event: its inbox row's id and status, and how many "processed" events its handling wrote. */
    record StoredEvent(String id, String status, int processedEvents) {
    }

    /** The run's inbox by dedupe key ("call id:event"), with the "processed" events written for each. */
    Map<String, StoredEvent> inbox(String integrationId) {
        String sql = """
                select e.dedupe_key, e.id::text, e.status, coalesce(p.written, 0)
                from inbound_events e
                left join (select payload->>'inboundEventId' as id, count(*) as written from outbox
                           where event_type = ? group by 1) p on p.id = e.id::text
                where e.integration_id = ?::uuid""";
        Map<String, StoredEvent> events = new HashMap<>();
        query(webhookDatabase, sql, List.of(PROCESSED, integrationId), row -> events.put(row.getString(1),
                new StoredEvent(row.getString(2), row.getString(3), row.getInt(4))));
        return events;
    }

    /** The call ids the run's call log holds. */
    Set<String> calls(String integrationId) {
        Set<String> calls = new java.util.HashSet<>();
        query(webhookDatabase, "select call_id from calls where integration_id = ?::uuid", List.of(integrationId),
                row -> calls.add(row.getString(1)));
        return calls;
    }

    /** Appointment id → status, of those asked for that exist. */
    Map<String, String> appointments(Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (Connection connection = connect(bookingDatabase);
             PreparedStatement select = connection.prepareStatement(
                     "select id::text, status from appointments where id = any(?::uuid[])")) {
            Array array = connection.createArrayOf("text", ids.toArray());
            select.setArray(1, array);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.put(row.getString(1), row.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read appointments from booking's database: " + e.getMessage(), e);
        }
        return found;
    }

    /** Per database that exists, its outbox rows not yet published. */
    Map<String, Long> unpublishedOutbox() {
        Map<String, Long> left = new LinkedHashMap<>();
        List<String> existing = new ArrayList<>();
        query("postgres", "select datname from pg_database", List.of(), row -> existing.add(row.getString(1)));
        for (String database : outboxDatabases) {
            if (existing.contains(database)) {
                query(database, "select count(*) from outbox where published_at is null", List.of(),
                        row -> left.put(database, row.getLong(1)));
            }
        }
        return left;
    }

    /**
     * Lag per consumer group that has members (a group of a killed replica's unique id has none and never catches up:
     * nobody reads for it any more), summed over its partitions.
     */
    Map<String, Long> consumerLag() {
        try {
            List<String> groups = kafka.listConsumerGroups().all().get(20, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).toList();
            Map<String, ConsumerGroupDescription> described = kafka.describeConsumerGroups(groups).all()
                    .get(20, TimeUnit.SECONDS);
            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupDescription group : described.values()) {
                if (group.members().isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
                Set<TopicPartition> assigned = group.members().stream()
                        .flatMap(member -> member.assignment().topicPartitions().stream()).collect(Collectors.toSet());
                Map<TopicPartition, OffsetSpec> latest = assigned.stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all()
                        .get(20, TimeUnit.SECONDS);
                long behind = 0;
                for (TopicPartition partition : assigned) {
                    OffsetAndMetadata offset = committed.get(partition);
                    long end = ends.get(partition).offset();
                    // a partition with no commit yet starts at the end ("latest"): behind only by what came since
                    behind += offset == null ? 0 : Math.max(0, end - offset.offset());
                }
                lag.put(group.groupId(), behind);
            }
            return lag;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot read the consumer groups from Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading Kafka", e);
        }
    }

    @Override
    public void close() {
        kafka.close();
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String database, String sql, List<String> parameters, RowReader reader) {
        try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + database + "'s database: " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", USER);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "60");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database, properties);
    }
}
