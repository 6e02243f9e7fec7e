package io.callbook.booking.availability.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.common.contracts.ops.OpsEvents;
import io.callbook.common.contracts.ops.WarmCaches;
import io.callbook.common.ops.OpsPublisher;
import io.callbook.common.ops.ConsumerReadiness;
import io.callbook.devstack.Devstack;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
    @Inject
    OpsPublisher publisher;

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
            Instant now = Instant.now();
            // sent as perf-ops sends it, through common's publisher
            publisher.send(OpsEvents.WARM_CACHES, commandId, new WarmCaches(commandId, "a test", now, now.plusSeconds(300)))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);

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


    private static Optional<ConsumerRecord<String, String>> replyTo(ConsumerTask<String, String> records, UUID commandId) {
        return records.getRecords().stream()
                .filter(record -> commandId.toString().equals(record.key()))
                .filter(record -> OpsEvents.CACHES_WARMED.equals(header(record, "ce_type")))
                .findFirst();
    }


    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
