package io.callbook.booking.branch.infra;

import io.callbook.booking.branch.domain.BranchReplica;
import io.callbook.common.contracts.directory.DirectoryEvents;
import io.callbook.devstack.Devstack;
import io.callbook.testsupport.CloudEventRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class DirectoryEventsConsumerTest {

    @Test
    void branchEventsFromTheResolverKeepTheReplicaCurrent() {
        UUID company = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            send(kafka, DirectoryEvents.BRANCH_UPSERTED, branch, company, "Europe/Berlin", true);
            await().atMost(Duration.ofSeconds(30)).until(() -> timeZone(branch) != null);
            assertEquals("Europe/Berlin", timeZone(branch));

            send(kafka, DirectoryEvents.BRANCH_UPSERTED, branch, company, "Europe/Vienna", true);
            await().atMost(Duration.ofSeconds(30)).until(() -> "Europe/Vienna".equals(timeZone(branch)));

            send(kafka, DirectoryEvents.BRANCH_REMOVED, branch, company, "Europe/Vienna", false);
            await().atMost(Duration.ofSeconds(30)).until(() -> !replica(branch).active);
            assertFalse(replica(branch).active);
        }
    }

    private static void send(KafkaCompanion kafka, String type, UUID branch, UUID company, String zone, boolean active) {
        String data = """
                {"id":"%s","companyId":"%s","name":"Mitte","timeZone":"%s","locale":"de-DE","phoneRegion":"DE","active":%s}"""
                .formatted(branch, company, zone, active);
        ProducerRecord<String, String> record = CloudEventRecords.record(DirectoryEvents.TOPIC, branch.toString(),
                UUID.randomUUID().toString(), type, "/callbook/resolver", company, data);
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    private static String timeZone(UUID branch) {
        BranchReplica replica = replica(branch);
        return replica == null ? null : replica.timeZone;
    }

    private static BranchReplica replica(UUID branch) {
        return QuarkusTransaction.requiringNew().call(() -> BranchReplica.findById(branch));
    }
}
