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
import io.callbook.testsupport.OpsCommandReplies;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

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

        ConsumerRecord<String, String> reply = OpsCommandReplies.awaitReply(Devstack.shared().kafkaBootstrapServers(),
                OpsEvents.TOPIC, OpsEvents.CACHES_WARMED,
                () -> ConsumerReadiness.positioned(kafkaClients, "ops-commands", Duration.ofSeconds(5)),
                this::sendWarmCommand, Duration.ofSeconds(120));

        JsonNode data = json.readTree(reply.value());
        assertEquals("booking-service", data.get("service").asText());
        JsonNode cache = data.get("caches").get(0);
        assertEquals("availability", cache.get("cache").asText());
        // At least this test's branch and service: a week of days (fewer only if today's notice rules out today).
        assertTrue(cache.get("entries").asInt() >= 6, reply.value());
        assertTrue(cache.get("error").isNull(), reply.value());
    }

    /** As perf-ops sends it, through common's publisher. */
    private CompletionStage<Void> sendWarmCommand(UUID commandId) {
        Instant now = Instant.now();
        return publisher.send(OpsEvents.WARM_CACHES, commandId,
                new WarmCaches(commandId, "a test", now, now.plusSeconds(300)));
    }
}
