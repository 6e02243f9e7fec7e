package io.callbook.booking.customer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.common.contracts.booking.CustomerErasureEvents;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.common.security.Hashes;
import io.callbook.devstack.Devstack;
import io.callbook.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Erasure within booking-service: the customer goes, the appointments stay without personal data, the event for the
 * other services names the number only by its hash, and the audit log has the entry. (The whole path through
 * webhook-service and the export are tested there, against this service's packaged jar.)
 */
@QuarkusTest
class CustomerErasureTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    BookingFixtures fixtures;
    @Inject
    EntityManager entityManager;

    private BranchData branch;
    private BookableService service;
    private Staff staff;

    @BeforeEach
    void tenant() {
        branch = fixtures.branch("Europe/Berlin");
        service = fixtures.service(branch.companyId(), 30);
        staff = fixtures.staffAlwaysWorking(branch, Set.of(service.id));
    }

    @Test
    void aCustomerIsErasedOnceAndTheOtherServicesAreToldWithoutTheNumber() throws Exception {
        String phone = "+49301" + (100000 + (int) (Math.random() * 899999));
        String first = book(phone, 3, "Bitte mit Frau Weber");
        String second = book(phone, 4, null);
        String customer = given().auth().oauth2(admin()).get("/v1/appointments/{id}", first).then().extract()
                .path("customerId");

        io.restassured.response.Response erased = given().auth().oauth2(admin())
                .delete("/v1/companies/{c}/customers/{id}", branch.companyId(), customer);
        String erasure = erased.then().statusCode(202)
                .body("booking.customersDeleted", equalTo(1))
                .body("booking.appointmentsAnonymised", equalTo(2))
                .body("webhook", nullValue())
                .extract().path("id");
        assertEquals(true, erased.header("Location").endsWith("/v1/companies/" + branch.companyId()
                + "/customer-erasures/" + erasure), erased.header("Location"));

        given().auth().oauth2(admin()).get("/v1/companies/{c}/customers/{id}", branch.companyId(), customer)
                .then().statusCode(404);
        given().auth().oauth2(admin()).get("/v1/appointments/{id}", first).then().statusCode(200)
                .body("customerId", nullValue()).body("notes", nullValue()).body("status", equalTo("confirmed"));
        given().auth().oauth2(admin()).delete("/v1/companies/{c}/customers/{id}", branch.companyId(), customer)
                .then().statusCode(200).body("id", equalTo(erasure)).body("booking.appointmentsAnonymised", equalTo(2));
        given().auth().oauth2(TestTokens.platformAdmin())
                .get("/v1/companies/{c}/customer-erasures/{e}", branch.companyId(), erasure)
                .then().statusCode(200).body("customerId", equalTo(customer)).body("complete", equalTo(false));

        JsonNode event = erasedEvent(erasure);
        assertEquals(Hashes.sha256Hex(phone), event.path("phoneSha256").asText());
        assertEquals(Set.of(first, second), Set.of(event.path("appointmentIds").get(0).asText(),
                event.path("appointmentIds").get(1).asText()));
        assertFalse(event.toString().contains(phone.substring(1)), "the number itself never travels");

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select count(*) from audit_log where action = 'customer.erased' and company_id = :c
                          and subject = :s and actor is not null""")
                .setParameter("c", branch.companyId())
                .setParameter("s", "customer-erasure:" + erasure)
                .getSingleResult()));
    }

    @Test
    void otherTenantsAndAgentsCannotEraseAndUnknownsAreNotFound() {
        String customer = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("phone", "+49 30 5550001", "name", "Eva Roth"))
                .post("/v1/companies/{c}/customers", branch.companyId()).then().statusCode(200).extract().path("id");
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID()))
                .delete("/v1/companies/{c}/customers/{id}", branch.companyId(), customer).then().statusCode(404);
        given().auth().oauth2(TestTokens.agent(branch.companyId()))
                .delete("/v1/companies/{c}/customers/{id}", branch.companyId(), customer).then().statusCode(403);
        given().auth().oauth2(admin()).delete("/v1/companies/{c}/customers/{id}", branch.companyId(), UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(admin()).get("/v1/companies/{c}/customer-erasures/{e}", branch.companyId(),
                UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(admin()).delete("/v1/companies/{c}/customers?phone=not-a-number", branch.companyId())
                .then().statusCode(422);
        given().auth().oauth2(admin()).get("/v1/companies/{c}/customers/{id}", branch.companyId(), customer)
                .then().statusCode(200).body("name", equalTo("Eva Roth"));
    }

    @Test
    void anExportIsRefusedRatherThanIncompleteWhileTheCallLogCannotBeRead() {
        String customer = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("phone", "+49 30 5550002"))
                .post("/v1/companies/{c}/customers", branch.companyId()).then().statusCode(200).extract().path("id");
        given().auth().oauth2(admin()).get("/v1/companies/{c}/customers/{id}/export", branch.companyId(), customer)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", endsWith("/call-log-unavailable"));
        given().auth().oauth2(admin()).get("/v1/companies/{c}/customers/{id}/export", branch.companyId(),
                UUID.randomUUID()).then().statusCode(404);
    }

    private String book(String phone, int daysAhead, String notes) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("branchId", branch.id().toString(),
                "serviceId", service.id.toString(), "staffId", staff.id.toString(),
                "start", LocalDate.now(BERLIN).plusDays(daysAhead).atTime(10, 0).atZone(BERLIN).toInstant().toString(),
                "customer", Map.of("phone", phone, "name", "Clara Meyer")));
        if (notes != null) {
            body.put("notes", notes);
        }
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .post("/v1/appointments").then().statusCode(201).extract().path("id");
    }

    private JsonNode erasedEvent(String erasure) throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            ConsumerTask<String, String> task = kafka.consumeStrings()
                    .withGroupId("erasure-test-" + UUID.randomUUID())
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(BookingEvents.TOPIC);
            try {
                ConsumerRecord<String, String> record = org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(120))
                        .until(() -> task.getRecords().stream().filter(r -> erasure.equals(r.key())).findFirst(),
                                java.util.Optional::isPresent).get();
                assertEquals(CustomerErasureEvents.CUSTOMER_ERASED,
                        new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                return new ObjectMapper().readTree(record.value());
            } finally {
                task.stop();
            }
        }
    }

    private String admin() {
        return TestTokens.tenantAdmin(branch.companyId());
    }
}
