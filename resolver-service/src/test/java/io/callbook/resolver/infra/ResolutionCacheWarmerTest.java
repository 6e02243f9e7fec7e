package io.callbook.resolver.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.ops.OpsEvents;
import io.callbook.common.contracts.ops.WarmCaches;
import io.callbook.common.ops.OpsPublisher;
import io.callbook.common.ops.ConsumerReadiness;
import io.callbook.devstack.Devstack;
import io.callbook.resolver.Directory;
import io.callbook.testsupport.OpsCommandReplies;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

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

        ConsumerRecord<String, String> reply = OpsCommandReplies.awaitReply(Devstack.shared().kafkaBootstrapServers(),
                OpsEvents.TOPIC, OpsEvents.CACHES_WARMED,
                () -> ConsumerReadiness.positioned(kafkaClients, "ops-commands", Duration.ofSeconds(5)),
                this::sendWarmCommand, Duration.ofSeconds(120));

        assertEquals(reply.key(), OpsCommandReplies.header(reply, "ce_subject"));
        assertEquals("/callbook/resolver", OpsCommandReplies.header(reply, "ce_source"));
        JsonNode data = json.readTree(reply.value());
        assertEquals(reply.key(), data.get("commandId").asText());
        assertEquals("resolver-service", data.get("service").asText());
        assertNotNull(data.get("replica").asText());
        JsonNode cache = data.get("caches").get(0);
        assertEquals("resolution", cache.get("cache").asText());
        assertTrue(cache.get("entries").asInt() > 0, reply.value());
        assertTrue(cache.get("error").isNull(), reply.value());
    }

    /** As perf-ops sends it, through common's publisher. */
    private CompletionStage<Void> sendWarmCommand(UUID commandId) {
        Instant now = Instant.now();
        return publisher.send(OpsEvents.WARM_CACHES, commandId,
                new WarmCaches(commandId, "a test", now, now.plusSeconds(300)));
    }
}
