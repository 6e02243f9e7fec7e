package io.callbook.webhook.privacy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.booking.CustomerErasureEvents.CustomerErased;
import io.callbook.common.contracts.webhook.CallActivityEvents;
import io.callbook.common.security.Hashes;
import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.Salon;
import io.callbook.webhook.VoiceBackends;
import io.callbook.webhook.privacy.domain.CallerErasures;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer's data across booking-service (the real packaged one) and this service: the export has exactly their
 * data, and an erasure in booking-service reaches the call log and the stored provider payloads here by event, with
 * the report in booking-service showing both services' counts.
 */
@QuarkusTest
class CustomerDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Salon salon;

    @Inject
    EntityManager entityManager;
    @Inject
    CallerErasures erasures;

    @BeforeEach
    void salon() {
        if (salon == null) {
            salon = Salon.create();
        }
    }

    @Test
    void anExportHasTheCustomersDataAndAnErasureReachesEveryService() {
        String caller = Salon.randomNumber();
        String otherCaller = Salon.randomNumber();
        String call = "call-" + UUID.randomUUID();
        String otherCall = "call-" + UUID.randomUUID();
        callEvents(call, caller, "Clara Meyer möchte einen Haarschnitt am Freitag");
        callEvents(otherCall, otherCaller, "Jemand anderes fragt nach Preisen");
        // As the voice agent books (the function itself is VoiceFunctionsTest's; its one-second budget is not this
        // test's subject): the caller's number as the customer, the call id as the external reference.
        String voiceAppointment = given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(Map.of("branchId", salon.branch(), "serviceId", salon.haircut(), "staffId", salon.anna(),
                        "start", salon.day(5) + "T10:00:00+01:00", "customer", Map.of("phone", caller,
                                "name", "Clara Meyer"), "source", "voice", "externalRef", call))
                .post(booking() + "/v1/appointments").then().statusCode(201).extract().path("id");
        String customer = given().auth().oauth2(salon.admin())
                .get(booking() + "/v1/companies/{c}/customers?phone={p}", salon.company(), caller)
                .then().statusCode(200).extract().path("items[0].id");
        String noted = given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(Map.of("branchId", salon.branch(), "serviceId", salon.haircut(), "staffId", salon.anna(),
                        "start", salon.day(6) + "T11:00:00+01:00", "customerId", customer,
                        "notes", "Allergie gegen Färbemittel"))
                .post(booking() + "/v1/appointments").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(caller, call(call).fromNumber));
        await().atMost(Duration.ofSeconds(120)).until(() -> call(call).summary != null && call(otherCall).summary != null);

        given().auth().oauth2(salon.admin())
                .get(booking() + "/v1/companies/{c}/customers/{id}/export", salon.company(), customer)
                .then().statusCode(200)
                .body("customer.id", equalTo(customer))
                .body("customer.phone", equalTo(caller))
                .body("appointments.id", containsInAnyOrder(voiceAppointment, noted))
                .body("appointments.find { it.id == '" + noted + "' }.notes", equalTo("Allergie gegen Färbemittel"))
                .body("appointments[0].serviceName", equalTo("Haircut"))
                .body("calls", hasSize(1))
                .body("calls[0].callId", equalTo(call))
                .body("calls[0].summary", equalTo("Clara Meyer möchte einen Haarschnitt am Freitag"));

        Response erased = given().auth().oauth2(salon.admin())
                .delete(booking() + "/v1/companies/{c}/customers/{id}", salon.company(), customer);
        erased.then().statusCode(202)
                .header("Location", notNullValue())
                .body("customerId", equalTo(customer))
                .body("booking.customersDeleted", equalTo(1))
                .body("booking.appointmentsAnonymised", equalTo(2))
                .body("complete", equalTo(false));
        String erasure = erased.path("id");

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth().oauth2(salon.admin())
                .get(booking() + "/v1/companies/{c}/customer-erasures/{e}", salon.company(), erasure)
                .then().statusCode(200)
                .body("complete", equalTo(true))
                .body("webhook.callsAnonymised", equalTo(1))
                .body("webhook.inboundEventsAnonymised", equalTo(2)));

        CallRow anonymised = call(call);
        assertNull(anonymised.fromNumber);
        assertNull(anonymised.summary);
        assertEquals(salon.number(), anonymised.toNumber, "the business's own number stays");
        assertTrue(bodies(call).stream().allMatch(CallerErasures.ERASED_BODY::equals), "payloads of the call erased");
        assertEquals(otherCaller, call(otherCall).fromNumber, "another caller's call is untouched");
        assertTrue(bodies(otherCall).stream().noneMatch(CallerErasures.ERASED_BODY::equals));

        given().auth().oauth2(salon.admin()).get(booking() + "/v1/companies/{c}/customers/{id}", salon.company(), customer)
                .then().statusCode(404);
        for (String appointment : List.of(voiceAppointment, noted)) {
            given().auth().oauth2(salon.admin()).get(booking() + "/v1/appointments/{id}", appointment)
                    .then().statusCode(200)
                    .body("customerId", nullValue())
                    .body("notes", nullValue())
                    .body("staffId", equalTo(salon.anna()));
        }

        // Twice: the same report, nothing more erased.
        given().auth().oauth2(salon.admin())
                .delete(booking() + "/v1/companies/{c}/customers/{id}", salon.company(), customer)
                .then().statusCode(200)
                .body("id", equalTo(erasure))
                .body("booking.appointmentsAnonymised", equalTo(2));
        given().auth().oauth2(salon.admin())
                .get(booking() + "/v1/companies/{c}/customers/{id}/export", salon.company(), customer)
                .then().statusCode(404);
    }

    @Test
    void anotherTenantsCustomerIsNotFoundAndAgentsMayNeither() {
        String caller = Salon.randomNumber();
        String customer = given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(Map.of("phone", caller, "name", "Dora Lang"))
                .post(booking() + "/v1/companies/{c}/customers", salon.company()).then().statusCode(200)
                .extract().path("id");
        String stranger = TestTokens.tenantAdmin(UUID.randomUUID());
        given().auth().oauth2(stranger).delete(booking() + "/v1/companies/{c}/customers/{id}", salon.company(), customer)
                .then().statusCode(404);
        given().auth().oauth2(stranger).get(booking() + "/v1/companies/{c}/customers/{id}/export", salon.company(), customer)
                .then().statusCode(404);
        given().auth().oauth2(stranger).get("/v1/companies/{c}/caller-data?phone={p}", salon.company(), caller)
                .then().statusCode(404);
        String agent = TestTokens.agent(UUID.fromString(salon.company()));
        given().auth().oauth2(agent).delete(booking() + "/v1/companies/{c}/customers/{id}", salon.company(), customer)
                .then().statusCode(403);
        given().auth().oauth2(agent).get(booking() + "/v1/companies/{c}/customers/{id}/export", salon.company(), customer)
                .then().statusCode(403);
        given().auth().oauth2(salon.admin())
                .delete(booking() + "/v1/companies/{c}/customers/{id}", salon.company(), UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(salon.admin()).get(booking() + "/v1/companies/{c}/customers/{id}", salon.company(), customer)
                .then().statusCode(200).body("name", equalTo("Dora Lang"));
    }

    @Test
    void aNumberWithoutCustomerIsErasedHereTooAndARedeliveredEventChangesNothing() {
        String caller = Salon.randomNumber();
        String call = "call-" + UUID.randomUUID();
        callEvents(call, caller, "Nur eine Frage zu den Öffnungszeiten");
        await().atMost(Duration.ofSeconds(120)).until(() -> call(call).summary != null);
        assertEquals(0L, liveActivity(call), "the live view's activity is sent, not stored");
        storeActivityAsEarlierVersionsDid(call);

        String erasure = given().auth().oauth2(salon.admin())
                .delete(booking() + "/v1/companies/{c}/customers?phone={p}", salon.company(), caller)
                .then().statusCode(202)
                .body("customerId", nullValue())
                .body("booking.customersDeleted", equalTo(0))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth().oauth2(salon.admin())
                .get(booking() + "/v1/companies/{c}/customer-erasures/{e}", salon.company(), erasure)
                .then().body("webhook.callsAnonymised", equalTo(1)).body("webhook.inboundEventsAnonymised", equalTo(2)));
        assertNull(call(call).fromNumber);
        assertEquals(0L, liveActivity(call), "activity an earlier version kept, with the number and words, is gone");

        // Straight to this service's consumer logic, under an erasure id booking-service does not know.
        CustomerErased again = new CustomerErased(UUID.randomUUID(), UUID.fromString(salon.company()), null,
                Hashes.sha256Hex(caller), List.of(), List.of(), Instant.now());
        String eventId = UUID.randomUUID().toString();
        assertTrue(erasures.erase(eventId, again).isPresent());
        assertTrue(erasures.erase(eventId, again).isEmpty(), "a redelivered event is skipped");
        assertEquals(0, erasures.erase(UUID.randomUUID().toString(), again).orElseThrow().callsAnonymised(),
                "nothing left to anonymise");
    }

    private record CallRow(String fromNumber, String toNumber, String summary) {
    }

    private CallRow call(String callId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery(
                            "select from_number, to_number, summary from calls where company_id = :c and call_id = :id")
                    .setParameter("c", UUID.fromString(salon.company()))
                    .setParameter("id", callId)
                    .getResultList();
            if (rows.isEmpty()) {
                return new CallRow(null, null, null);
            }
            Object[] row = (Object[]) rows.get(0);
            return new CallRow((String) row[0], (String) row[1], (String) row[2]);
        });
    }

    private long liveActivity(String callId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox where topic = :topic and aggregate_id = :call")
                .setParameter("topic", CallActivityEvents.TOPIC)
                .setParameter("call", callId)
                .getSingleResult()).longValue());
    }

    /** Versions before issue 10 sent a call event's activity through the outbox, which keeps published rows for days. */
    private void storeActivityAsEarlierVersionsDid(String callId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into outbox (event_id, topic, event_type, aggregate_id, tenant_id, payload, published_at)
                        values (:id, :topic, :type, :call, :company, cast(:payload as jsonb), now())""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("topic", CallActivityEvents.TOPIC)
                .setParameter("type", CallActivityEvents.ACTIVITY)
                .setParameter("call", callId)
                .setParameter("company", UUID.fromString(salon.company()))
                .setParameter("payload", "{\"callId\": \"" + callId + "\"}")
                .executeUpdate());
        assertEquals(1L, liveActivity(callId));
    }

    @SuppressWarnings("unchecked")
    private List<String> bodies(String callId) {
        List<String> bodies = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select body from inbound_events where company_id = :c and dedupe_key like :key")
                .setParameter("c", UUID.fromString(salon.company()))
                .setParameter("key", callId + ":%")
                .getResultList());
        assertNotEquals(0, bodies.size());
        return bodies;
    }

    private static void callEvents(String callId, String from, String summary) {
        long start = System.currentTimeMillis() - 120_000;
        Map<String, Object> call = Map.of("call_id", callId, "from_number", from, "to_number", salon.number(),
                "agent_id", "agent_1", "start_timestamp", start);
        send(Map.of("event", "call_started", "call", call));
        send(Map.of("event", "call_analyzed", "call", Map.of("call_id", callId, "from_number", from,
                "to_number", salon.number(), "end_timestamp", start + 60_000,
                "call_analysis", Map.of("call_summary", summary, "user_sentiment", "Positive"))));
    }

    private static void send(Map<String, Object> event) {
        String body = json(event);
        given().contentType(ContentType.JSON)
                .header(RetellSignature.HEADER, RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), salon.key(),
                        Instant.now()))
                .body(body).post("/v1/webhooks/voice?integration={i}", salon.integration())
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(202)));
    }

    private static Response function(String callId, String from, String start) {
        String body = json(Map.of("name", "book_appointment",
                "call", Map.of("call_id", callId, "from_number", from, "to_number", salon.number(), "agent_id", "agent_1"),
                "args", Map.of("service", "Haircut", "start", start, "staff", "Anna", "customer_name", "Clara Meyer")));
        return given().contentType(ContentType.JSON)
                .header(RetellSignature.HEADER, RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), salon.key(),
                        Instant.now()))
                .body(body).post("/v1/voice/functions/book_appointment?integration={i}", salon.integration());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String booking() {
        return VoiceBackends.bookingUrl();
    }
}
