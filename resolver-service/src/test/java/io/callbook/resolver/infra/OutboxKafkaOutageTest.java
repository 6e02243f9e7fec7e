package io.callbook.resolver.infra;

import io.callbook.testsupport.TestTokens;
import io.callbook.common.contracts.directory.DirectoryEvents;
import io.callbook.devstack.Devstack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxKafkaOutageTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void restartKafka() {
        if (!Devstack.shared().isKafkaRunning()) {
            Devstack.shared().startKafka();
        }
    }

    @Test
    void aChangeMadeWhileKafkaIsDownIsPublishedWhenItIsBack() throws Exception {
        Devstack stack = Devstack.shared();
        stack.stopKafka();

        String companyId = given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Offline Oy", "defaultRegion", "FI"))
                .post("/v1/companies").then().statusCode(201).extract().path("id");
        Thread.sleep(1500);
        assertTrue(isQueued(companyId), "the event waits in the outbox while Kafka is down");

        stack.startKafka();
        await().atMost(Duration.ofSeconds(60)).until(() -> !isQueued(companyId));

        try (KafkaCompanion kafka = new KafkaCompanion(stack.kafkaBootstrapServers())) {
            ConsumerTask<String, String> topic = kafka.consumeStrings().fromTopics(DirectoryEvents.TOPIC);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.getRecords().stream().anyMatch(r -> companyId.equals(r.key())));
            topic.stop();
            ConsumerRecord<String, String> event = topic.getRecords().stream()
                    .filter(r -> companyId.equals(r.key())).findFirst().orElseThrow();
            assertEquals(DirectoryEvents.COMPANY_UPSERTED, header(event, "ce_type"));
            assertEquals(companyId, header(event, "ce_tenant"));
            assertEquals("1.0", header(event, "ce_specversion"));
            assertTrue(event.value().contains("Offline Oy"), event.value());
        }
    }

    private boolean isQueued(String companyId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from outbox where aggregate_id = ? and published_at is null")) {
            query.setString(1, companyId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
