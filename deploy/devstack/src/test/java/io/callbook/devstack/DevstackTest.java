package io.callbook.devstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevstackTest {

    static Devstack stack;

    @BeforeAll
    static void startStack() {
        stack = Devstack.shared();
    }

    @Test
    void sharedTwiceIsTheSameRunningStack() {
        Devstack again = Devstack.shared();
        assertEquals(stack.stateFile(), again.stateFile());
        assertEquals(stack.postgresPort(), again.postgresPort());
        assertEquals(stack.pid(Devstack.KAFKA), again.pid(Devstack.KAFKA));
        assertTrue(again.isRunning());
        assertEquals(stack.stateFile().toString(), System.getProperty(Devstack.STATE_PROPERTY));
    }

    @Test
    void createdDatabaseHasTheExtensionsAndExclusionConstraintsWork() throws SQLException {
        stack.createDatabase("devstack_check");
        stack.createDatabase("devstack_check"); // idempotent
        try (Connection db = PostgresServer.connect(stack.postgresPort(), "devstack_check");
             Statement sql = db.createStatement()) {
            Set<String> extensions = new HashSet<>();
            try (ResultSet rows = sql.executeQuery("SELECT extname FROM pg_extension")) {
                while (rows.next()) {
                    extensions.add(rows.getString(1));
                }
            }
            assertTrue(extensions.containsAll(List.of("btree_gist", "pg_stat_statements")), extensions.toString());
            try (ResultSet rows = sql.executeQuery("SHOW shared_preload_libraries")) {
                rows.next();
                assertEquals("pg_stat_statements", rows.getString(1));
            }
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM pg_stat_statements")) {
                assertTrue(rows.next());
            }
            // what booking's appointments rely on: no two overlapping ranges for one staff member
            sql.execute("CREATE TABLE slot (staff int, during tstzrange, EXCLUDE USING gist (staff WITH =, during WITH &&))");
            sql.execute("INSERT INTO slot VALUES (1, '[2030-01-01 10:00Z,2030-01-01 11:00Z)')");
            SQLException overlap = assertThrows(SQLException.class,
                    () -> sql.execute("INSERT INTO slot VALUES (1, '[2030-01-01 10:30Z,2030-01-01 11:30Z)')"));
            assertEquals("23P01", overlap.getSQLState());
        }
    }

    @Test
    void serviceConfigPointsAtTheStack() throws Exception {
        Map<String, String> config = stack.serviceConfig("devstack_service");
        assertEquals("jdbc:postgresql://127.0.0.1:" + stack.postgresPort() + "/devstack_service",
                config.get("quarkus.datasource.jdbc.url"));
        assertEquals(stack.redisUrl(), config.get("quarkus.redis.hosts"));
        assertEquals(stack.kafkaBootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals("false", config.get("quarkus.devservices.enabled"));
        assertEquals("callbook", config.get("mp.jwt.verify.issuer"));
        String jwks = Files.readString(java.nio.file.Path.of(config.get("mp.jwt.verify.publickey.location")));
        assertTrue(jwks.contains("\"kid\":\"" + stack.signingKeyId() + "\""), jwks);
        assertFalse(config.keySet().stream().anyMatch(key -> key.contains("sign.key") || key.startsWith("callbook.tokens")),
                "a service's configuration holds no private key: " + config.keySet());
        assertFalse(jwks.contains("PRIVATE") || jwks.contains("\"d\""), "public keys only");
    }

    @Test
    void onlyTheSigningConfigurationHoldsThePrivateKey() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(stack.signingConfig().get("callbook.tokens.key-dir"));
        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(dir.resolve("signing.pem").toString())));
        assertEquals(stack.privateKeyPath(), dir.resolve("signing.pem"));
        assertEquals(stack.signingConfig().get("callbook.tokens.agent-exchange-secret"),
                stack.agentExchangeConfig().get("callbook.webhook.voice.agent-exchange-secret"));
    }

    @Test
    void redisStopsAndStartsAgainOnTheSamePort() {
        int port = stack.redisPort();
        assertTrue(RedisProcess.ping(port));
        stack.stopRedis();
        assertFalse(RedisProcess.ping(port));
        assertFalse(Ports.accepts("127.0.0.1", port, 200));
        stack.startRedis();
        assertEquals(port, stack.redisPort());
        assertTrue(RedisProcess.ping(port));
    }

    @Test
    void kafkaKeepsRecordsAcrossARestartOnTheSamePort() {
        int port = stack.kafkaPort();
        String topic = "devstack.check";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "k", "before restart")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        stack.stopKafka();
        assertFalse(Ports.accepts("127.0.0.1", port, 200));
        stack.startKafka();
        assertEquals(port, stack.kafkaPort());

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            assertEquals(List.of("before restart"), values);
        }
    }

    private static byte[] der(String pemFile) throws Exception {
        String pem = Files.readString(java.nio.file.Path.of(pemFile));
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
