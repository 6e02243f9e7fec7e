package io.callbook.booking.availability.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.common.contracts.ops.OpsEvents;
import io.callbook.common.ops.ConsumerReadiness;
import io.callbook.devstack.Devstack;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-caches ops command, as perf-ops sends it on Kafka, fills this replica's availability cache. */
@QuarkusTest
class AvailabilityCacheWarmerTest {

    @Inject
    BookingFixtures fixtures;
    @Inject
    KafkaClientService kafkaClients;
    @Inject
    ObjectMapper json;

    @Test
    void aWarmCommandOnTheOpsTopicIsAnsweredWithTheDaysWarmed() throws Exception {
        BranchData branch = fixtures.branch("Europe/Berlin");
        BookableService haircut = fixtures.service(branch.companyId(), 30);
        Staff anna = fixtures.staff(branch, Set.of(haircut.id));
        fixtures.everyDayNineToFive(anna);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ConsumerReadiness.positioned(kafkaClients, "ops-commands", Duration.ofSeconds(5)));

        UUID commandId = UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            ConsumerTask<String, String> replies = kafka.consumeStrings().fromTopics(OpsEvents.TOPIC);
            kafka.produceStrings().fromRecords(warmCommand(commandId)).awaitCompletion();

            ConsumerRecord<String, String> reply = await().atMost(Duration.ofSeconds(90))
                    .until(() -> replyTo(replies, commandId), Optional::isPresent).orElseThrow();
            replies.stop();

            assertEquals(OpsEvents.CACHES_WARMED, header(reply, "ce_type"));
            JsonNode data = json.readTree(reply.value());
            assertEquals("booking-service", data.get("service").asText());
            JsonNode cache = data.get("caches").get(0);
            assertEquals("availability", cache.get("cache").asText());
            // At least this test's branch and service: a week of days (fewer only if today's notice rules out today).
            assertTrue(cache.get("entries").asInt() >= 6, reply.value());
            assertTrue(cache.get("error").isNull(), reply.value());
        }
    }

    /** The command in the suite's envelope: binary-mode CloudEvents headers, JSON data, keyed by the command id. */
    private static ProducerRecord<String, String> warmCommand(UUID commandId) {
        Instant now = Instant.now();
        String data = """
                {"commandId":"%s","requestedBy":"a test","requestedAt":"%s","replyBy":"%s"}"""
                .formatted(commandId, now, now.plusSeconds(300));
        ProducerRecord<String, String> record = new ProducerRecord<>(OpsEvents.TOPIC, commandId.toString(), data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", commandId.toString());
        header(record, "ce_type", OpsEvents.WARM_CACHES);
        header(record, "ce_source", "/callbook/test");
        header(record, "ce_subject", commandId.toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static Optional<ConsumerRecord<String, String>> replyTo(ConsumerTask<String, String> records, UUID commandId) {
        return records.getRecords().stream()
                .filter(record -> commandId.toString().equals(record.key()))
                .filter(record -> OpsEvents.CACHES_WARMED.equals(header(record, "ce_type")))
                .findFirst();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
