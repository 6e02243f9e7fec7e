package io.callbook.webhook.integration.api;

import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.Salon;
import io.callbook.webhook.VoiceBackends;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A calendar integration's branch, service and staff member are checked in the real booking-service at creation. */
@QuarkusTest
class CalendarBindingCheckTest {

    private static Salon salon;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void salon() {
        if (salon == null) {
            salon = Salon.create();
        }
    }

    @Test
    void aBindingToWhatBookingServiceKnowsIsStored() {
        create(salon.company(), salon.branch(), salon.haircut(), salon.anna()).statusCode(201)
                .body("staffId", equalTo(salon.anna()));
        create(salon.company(), salon.branch(), salon.haircut(), null).statusCode(201);
    }

    @Test
    void unknownIdsAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = integrations(salon.company());
        refused(create(salon.company(), salon.branch(), UUID.randomUUID().toString(), null), "serviceId");
        refused(create(salon.company(), UUID.randomUUID().toString(), salon.haircut(), null), "branchId");
        refused(create(salon.company(), salon.branch(), salon.haircut(), UUID.randomUUID().toString()), "staffId");
        assertEquals(before, integrations(salon.company()));

        // Another company's ids are unknown ids for this one.
        String other = Salon.create().company();
        long otherBefore = integrations(other);
        refused(create(other, salon.branch(), salon.haircut(), null), "serviceId");
        assertEquals(otherBefore, integrations(other));
    }

    @Test
    void aBookingServiceThatCannotAnswerStoresNothing() throws Exception {
        long pid = Long.parseLong(System.getProperty(VoiceBackends.BOOKING_PID));
        long before = integrations(salon.company());
        signal("STOP", pid);
        try {
            createOnce(salon.company(), salon.branch(), salon.haircut()).statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/booking-unavailable"))
                    .body("detail", containsString("nothing was stored"));
        } finally {
            signal("CONT", pid);
        }
        assertEquals(before, integrations(salon.company()));
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/unknown-binding-target"))
                .body("violations[0].field", equalTo(field))
                .body("detail", containsString(field));
    }

    private static ValidatableResponse create(String company, String branch, String service, String staff) {
        Map<String, Object> body = new HashMap<>(Map.of("provider", "calendar", "name", "Cal.com", "branchId", branch,
                "serviceId", service));
        if (staff != null) {
            body.put("staffId", staff);
        }
        return Salon.createIntegration(TestTokens.tenantAdmin(UUID.fromString(company)), company, body).then();
    }

    private static ValidatableResponse createOnce(String company, String branch, String service) {
        return given().auth().oauth2(TestTokens.tenantAdmin(UUID.fromString(company))).contentType(ContentType.JSON)
                .body(Map.of("provider", "calendar", "name", "Cal.com", "branchId", branch, "serviceId", service))
                .post("/v1/companies/{c}/integrations", company).then();
    }

    private long integrations(String company) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from integrations where company_id = '" + company + "'").getSingleResult()).longValue());
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor());
    }
}
