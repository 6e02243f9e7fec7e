package io.callbook.perfops.cache.domain;

import io.callbook.common.contracts.ops.OpsEvents;
import io.callbook.common.ops.ConsumerReadiness;
import io.callbook.devstack.Devstack;
import io.callbook.perfops.operation.domain.OptimizeOptions;
import io.callbook.perfops.operation.domain.ReportTable;
import io.callbook.perfops.operation.domain.StepContext;
import io.callbook.perfops.operation.domain.StepResult;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache step against real Kafka, with perf-ops itself the only running replica of the suite: the others' URLs
 * name hosts that do not resolve (RFC 6761's .invalid), so they have no replicas, as in a cluster where they are
 * scaled to zero. perf-ops has no cache of its own, so its reply lists none.
 */
@QuarkusTest
@TestProfile(CacheStepTest.OnlyPerfOps.class)
class CacheStepTest {

    public static class OnlyPerfOps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "callbook.ops.services.resolver.urls", "http://resolver.invalid:8081",
                    "callbook.ops.services.booking.urls", "http://booking.invalid:8082",
                    "callbook.ops.services.webhook.urls", "http://webhook.invalid:8083",
                    // Generous: the assertion is about who answered, never about how fast.
                    "callbook.ops.cache.reply-timeout", "120s");
        }
    }

    @Inject
    CacheStep step;
    @Inject
    KafkaClientService kafkaClients;

    @BeforeEach
    void listening() {
        // This replica must read the topic before a command or reply on it can reach it (latest offset, new group).
        await().atMost(Duration.ofSeconds(60)).until(() ->
                ConsumerReadiness.positioned(kafkaClients, "ops-commands", Duration.ofSeconds(5))
                        && ConsumerReadiness.positioned(kafkaClients, "ops-results", Duration.ofSeconds(5)));
    }

    @Test
    void everyKnownReplicaIsAskedAndItsReplyReported() throws Exception {
        StepResult result = step.run(context(false));

        assertEquals(OptimizeOptions.CACHE, result.step());
        assertTrue(result.summary().startsWith("1 of 1 replicas answered: 0 caches warmed, 0 entries"), result.summary());
        assertEquals(1, result.tables().size(), "no table of replicas that did not answer: " + result.tables());
        ReportTable warmed = result.tables().get(0);
        assertEquals(List.of("service", "replica", "cache", "entries", "ms", "error"), warmed.columns());
        assertEquals(1, warmed.rows().size(), warmed.rows().toString());
        List<String> row = warmed.rows().get(0);
        assertEquals("perf-ops", row.get(0));
        assertTrue(row.get(1).startsWith("127.0.0.1:"), row.toString());
        assertEquals("(none)", row.get(2));
        assertEquals("0", row.get(3));
        assertEquals("", row.get(5));
    }

    @Test
    void aDryRunSendsNothingAndListsWhoWouldBeAsked() throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            // The topic exists once this replica reads it (see listening()).
            List<TopicPartition> partitions = kafka.topics().describe(OpsEvents.TOPIC).get(OpsEvents.TOPIC).partitions()
                    .stream().map(p -> new TopicPartition(OpsEvents.TOPIC, p.partition())).toList();
            Map<TopicPartition, Long> before = ends(kafka, partitions);

            StepResult result = step.run(context(true));

            assertEquals("Would ask 1 replicas of 1 services to warm their caches", result.summary());
            assertEquals(List.of(List.of("perf-ops", result.tables().get(0).rows().get(0).get(1))),
                    result.tables().get(0).rows());
            assertTrue(result.tables().get(0).rows().get(0).get(1).startsWith("127.0.0.1:"));
            assertEquals(before, ends(kafka, partitions), "nothing was written to " + OpsEvents.TOPIC);
        }
    }

    private static Map<TopicPartition, Long> ends(KafkaCompanion kafka, List<TopicPartition> partitions) {
        return kafka.offsets().list(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static StepContext context(boolean dryRun) {
        return new StepContext(UUID.randomUUID(), new OptimizeOptions(true, false, false, false, dryRun),
                (fraction, message) -> {
                });
    }
}
