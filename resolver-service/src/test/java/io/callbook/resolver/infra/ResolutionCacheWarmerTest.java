package io.callbook.resolver.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.ops.OpsEvents;
import io.callbook.common.contracts.ops.WarmCaches;
import io.callbook.common.ops.OpsPublisher;
import io.callbook.common.ops.ConsumerReadiness;
import io.callbook.devstack.Devstack;
import io.callbook.resolver.Directory;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-caches ops command, as perf-ops sends it on Kafka, reaches this replica and is answered there. */
@QuarkusTest
class ResolutionCacheWarmerTest {

    @Inject
    KafkaClientService kafkaClients;
    @Inject
    ObjectMapper json;
    @Inject
    OpsPublisher publisher;

    @Test
    void aWarmCommandOnTheOpsTopicIsAnsweredWithTheResolutionsWarmed() throws Exception {
        UUID company = Directory.company("Warm GmbH");
        UUID branch = Directory.branch(company, "Mitte");
        Directory.number(company, branch, Directory.freshBerlinNumber());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ConsumerReadiness.positioned(kafkaClients, "ops-commands", Duration.ofSeconds(5)));

        UUID commandId = UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            ConsumerTask<String, String> replies = kafka.consumeStrings().fromTopics(OpsEvents.TOPIC);
            Instant now = Instant.now();
            // sent as perf-ops sends it, through common's publisher
            publisher.send(OpsEvents.WARM_CACHES, commandId, new WarmCaches(commandId, "a test", now, now.plusSeconds(300)))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);

            ConsumerRecord<String, String> reply = await().atMost(Duration.ofSeconds(60))
                    .until(() -> replyTo(replies, commandId), Optional::isPresent).orElseThrow();
            replies.stop();

            assertEquals(OpsEvents.CACHES_WARMED, header(reply, "ce_type"));
            assertEquals(commandId.toString(), header(reply, "ce_subject"));
            assertEquals("/callbook/resolver", header(reply, "ce_source"));
            JsonNode data = json.readTree(reply.value());
            assertEquals(commandId.toString(), data.get("commandId").asText());
            assertEquals("resolver-service", data.get("service").asText());
            assertNotNull(data.get("replica").asText());
            JsonNode cache = data.get("caches").get(0);
            assertEquals("resolution", cache.get("cache").asText());
            assertTrue(cache.get("entries").asInt() > 0, reply.value());
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
