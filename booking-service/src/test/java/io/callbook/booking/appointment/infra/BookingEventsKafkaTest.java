package io.callbook.booking.appointment.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.devstack.Devstack;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The outbox relay carries appointment events to Kafka as CloudEvents, keyed by appointment id. */
@QuarkusTest
class BookingEventsKafkaTest {

    @Inject
    BookingFixtures fixtures;

    @Test
    void bookedAndCancelledReachTheTopicInOrder() throws Exception {
        ObjectMapper json = new ObjectMapper();
        BranchData branch = fixtures.branch("Europe/Berlin");
        BookableService service = fixtures.service(branch.companyId(), 45);
        Staff staff = fixtures.staffAlwaysWorking(branch, Set.of(service.id));
        String token = TestTokens.agent(branch.companyId());
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant start = LocalDate.now(berlin).plusDays(5).atTime(10, 0).atZone(berlin).toInstant();

        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("branchId", branch.id().toString(), "serviceId", service.id.toString(),
                        "staffId", staff.id.toString(), "start", start.toString(), "source", "voice"))
                .post("/v1/appointments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "changed plans"))
                .post("/v1/appointments/{id}/cancel", id).then().statusCode(200);

        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            ConsumerTask<String, String> task = kafka.consumeStrings()
                    .withGroupId("booking-events-test-" + UUID.randomUUID())
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(BookingEvents.TOPIC, records -> records.select().where(r -> id.equals(r.key())).select().first(2));
            task.awaitCompletion(Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = task.getRecords();
            assertEquals(List.of(BookingEvents.APPOINTMENT_BOOKED, BookingEvents.APPOINTMENT_CANCELLED),
                    records.stream().map(r -> header(r, "ce_type")).toList());
            records.forEach(r -> assertEquals(branch.companyId().toString(), header(r, "ce_tenant")));
            assertEquals(staff.id.toString(), json.readTree(records.get(0).value()).get("staffId").asText());
            assertEquals("cancelled", json.readTree(records.get(1).value()).get("status").asText());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
