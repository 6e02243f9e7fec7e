package io.callbook.webhook.tenant.infra;

import io.callbook.common.contracts.directory.DirectoryEvents;
import io.callbook.devstack.Devstack;
import io.callbook.testsupport.CloudEventRecords;
import io.callbook.webhook.tenant.domain.CompanyReplica;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Company events through the real Kafka, in the CloudEvents form resolver-service's outbox relay sends. */
@QuarkusTest
class DirectoryEventsConsumerTest {

    @Inject
    EntityManager entityManager;

    @Test
    void theCompanyStatusFollowsTheDirectoryAndARedeliveryChangesNothing() {
        UUID company = UUID.randomUUID();
        String suspended = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            send(kafka, suspended, DirectoryEvents.COMPANY_UPSERTED, company, false);
            await().atMost(Duration.ofSeconds(30)).until(() -> "suspended".equals(status(company)));

            send(kafka, UUID.randomUUID().toString(), DirectoryEvents.COMPANY_UPSERTED, company, true);
            await().atMost(Duration.ofSeconds(30)).until(() -> "active".equals(status(company)));

            // The suspension again (Kafka redelivers after a crash), then a marker behind it on the same key.
            send(kafka, suspended, DirectoryEvents.COMPANY_UPSERTED, company, false);
            String marker = UUID.randomUUID().toString();
            send(kafka, marker, DirectoryEvents.COMPANY_UPSERTED, company, true);
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker));
            assertEquals("active", status(company), "a redelivered suspension must not undo the later reactivation");

            send(kafka, UUID.randomUUID().toString(), DirectoryEvents.COMPANY_REMOVED, company, false);
            await().atMost(Duration.ofSeconds(30)).until(() -> "deleted".equals(status(company)));
            String late = UUID.randomUUID().toString();
            send(kafka, late, DirectoryEvents.COMPANY_UPSERTED, company, true);
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(late));
            assertEquals("deleted", status(company), "a deleted company stays deleted");
        }
    }

    private static void send(KafkaCompanion kafka, String eventId, String type, UUID company, boolean active) {
        String data = """
                {"id":"%s","name":"Salon","defaultRegion":"DE","active":%s}""".formatted(company, active);
        ProducerRecord<String, String> record = CloudEventRecords.record(DirectoryEvents.TOPIC, company.toString(),
                eventId, type, "/callbook/resolver", company, data);
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    private static String status(UUID company) {
        return QuarkusTransaction.requiringNew().call(() -> CompanyReplica.<CompanyReplica>findByIdOptional(company)
                .map(c -> c.status).orElse(null));
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_events where consumer = 'webhook-directory' and event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() == 1);
    }
}
