package io.callbook.webhook.calendar.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.webhook.Salon;
import io.callbook.webhook.VoiceBackends;
import io.callbook.webhook.signing.domain.CalSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Calendar webhooks end to end: signed Cal.com-style events to webhook-service, processed into appointments of the
 * real booking-service (started once per test JVM by {@link VoiceBackends}) in the integration's branch and service.
 */
@QuarkusTest
class CalendarBookingTest {

    @Inject
    DataSource dataSource;

    /** One salon for the whole class: making it waits for the branch to reach booking-service over Kafka. */
    private static Salon salon;
    private static String integration;
    private static String secret;

    @BeforeEach
    void salon() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (salon == null) {
            salon = Salon.create();
            secret = "cal_" + UUID.randomUUID().toString().replace("-", "");
            integration = Salon.createIntegration(salon.admin(), salon.company(), Map.of("provider", "calendar",
                            "name", "Cal.com", "secret", secret, "branchId", salon.branch(), "serviceId", salon.haircut(),
                            "staffId", salon.anna()))
                    .then().statusCode(201).extract().path("id");
        }
    }

    @Test
    void aBookingIsCreatedMovedAndCancelledOnceHowOftenItsEventsArrive() {
        String uid = "bk_" + UUID.randomUUID();
        OffsetDateTime start = at(salon.day(10), 10);
        String created = event("BOOKING_CREATED", uid, null, start, Map.of("attendees", List.of(Map.of(
                "name", "Clara Meyer", "email", "clara@example.org", "timeZone", "Europe/Berlin",
                "phoneNumber", "+4917012345678"))));
        String createdId = send(created).statusCode(202).extract().path("id");
        send(created).statusCode(200).body("duplicate", equalTo(true)); // the provider's retry
        awaitEvent(createdId, "done").body("outcome", containsString("Booked as appointment"));

        String appointment = appointments(uid).body("items", hasSize(1))
                .body("items[0].source", equalTo("calendar"))
                .body("items[0].externalRef", equalTo(uid))
                .body("items[0].status", equalTo("confirmed"))
                .body("items[0].staffId", equalTo(salon.anna()))
                .body("items[0].serviceId", equalTo(salon.haircut()))
                .body("items[0].start", equalTo(start.toInstant().toString()))
                .body("items[0].customerId", notNullValue())
                .extract().path("items[0].id");

        replay(createdId);
        awaitEvent(createdId, "done");
        appointments(uid).body("items", hasSize(1)).body("items[0].id", equalTo(appointment));
        assertEquals(1, appointmentsOn(salon.day(10)), "one appointment that day, however often it was booked");

        // Cal.com moves a booking under a new uid and names the old one in rescheduleUid.
        String newUid = "bk_" + UUID.randomUUID();
        OffsetDateTime later = at(salon.day(10), 14);
        String movedId = send(event("BOOKING_RESCHEDULED", newUid, uid, later, Map.of())).statusCode(202).extract().path("id");
        awaitEvent(movedId, "done").body("outcome", containsString("Moved appointment " + appointment));
        appointments(newUid).body("items", hasSize(1)).body("items[0].id", equalTo(appointment))
                .body("items[0].start", equalTo(later.toInstant().toString()));
        appointments(uid).body("items", hasSize(0));
        replay(movedId);
        awaitEvent(movedId, "done").body("outcome", containsString("already at"));

        String cancelledId = send(event("BOOKING_CANCELLED", newUid, null, later,
                Map.of("cancellationReason", "Customer is ill"))).statusCode(202).extract().path("id");
        awaitEvent(cancelledId, "done");
        given().auth().oauth2(salon.admin()).get(VoiceBackends.bookingUrl() + "/v1/appointments/{id}", appointment)
                .then().statusCode(200).body("status", equalTo("cancelled"))
                .body("cancellationReason", equalTo("Customer is ill"));
        replay(cancelledId);
        awaitEvent(cancelledId, "done");
        replay(createdId); // still that one appointment, cancelled: nothing is booked again
        awaitEvent(createdId, "done");
        assertEquals(1, appointmentsOn(salon.day(10)));
        appointments(newUid).body("items[0].status", equalTo("cancelled"));
    }

    @Test
    void aCancellationForABookingNeverSeenChangesNothing() {
        String uid = "bk_" + UUID.randomUUID();
        String id = send(event("BOOKING_CANCELLED", uid, null, at(salon.day(11), 9), Map.of())).statusCode(202)
                .extract().path("id");
        awaitEvent(id, "done").body("outcome", containsString("nothing to cancel"));
    }

    @Test
    void aMoveOfABookingNeverSeenBooksItAtItsNewTimeOnce() {
        String uid = "bk_" + UUID.randomUUID();
        String originalUid = "bk_" + UUID.randomUUID();
        OffsetDateTime start = at(salon.day(14), 16);
        String id = send(event("BOOKING_RESCHEDULED", uid, originalUid, start, Map.of())).statusCode(202)
                .extract().path("id");
        awaitEvent(id, "done").body("outcome", containsString("never received"));
        appointments(uid).body("items", hasSize(1)).body("items[0].start", equalTo(start.toInstant().toString()));
        replay(id);
        awaitEvent(id, "done").body("outcome", containsString("already at"));
        // the creation it followed arrives late: the customer is not booked at the old time as well
        String lateId = send(event("BOOKING_CREATED", originalUid, null, at(salon.day(14), 10), Map.of())).statusCode(202)
                .extract().path("id");
        awaitEvent(lateId, "done").body("outcome", containsString("already moved"));
        assertEquals(1, appointmentsOn(salon.day(14)));
    }

    @Test
    void anAttendeeWithoutPhoneIsKeptInTheNotes() {
        String uid = "bk_" + UUID.randomUUID();
        String id = send(event("BOOKING_CREATED", uid, null, at(salon.day(11), 15), Map.of("title", "Haircut with Anna",
                "attendees", List.of(Map.of("name", "Max Mustermann", "email", "max@example.org")))))
                .statusCode(202).extract().path("id");
        awaitEvent(id, "done");
        appointments(uid).body("items", hasSize(1))
                .body("items[0].customerId", equalTo(null))
                .body("items[0].notes", containsString("Max Mustermann <max@example.org>"));
    }

    @Test
    void aBookingServiceRefusalEndsTheEventDeadWithItsReason() {
        LocalDate day = salon.day(12);
        given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(Map.of("branchId", salon.branch(), "serviceId", salon.haircut(), "staffId", salon.anna(),
                        "start", at(day, 11).toString()))
                .post(VoiceBackends.bookingUrl() + "/v1/appointments").then().statusCode(201);

        String taken = send(event("BOOKING_CREATED", "bk_" + UUID.randomUUID(), null, at(day, 11), Map.of()))
                .statusCode(202).extract().path("id");
        awaitEvent(taken, "dead").body("attempts", equalTo(1))
                .body("lastError", containsString("(409 "))
                .body("lastError", containsString("slot-taken"));
        String closed = send(event("BOOKING_CREATED", "bk_" + UUID.randomUUID(), null, at(day, 22), Map.of()))
                .statusCode(202).extract().path("id");
        awaitEvent(closed, "dead").body("attempts", equalTo(1)).body("lastError", containsString("outside-working-hours"));
    }

    /**
     * booking-service stops answering (SIGSTOP: its port still accepts connections, so every call runs into the
     * gateway's timeout and then its open circuit) for longer than the test's three attempts would last: the events
     * wait without using attempts up, and are applied once it answers again. Only the one whose failures have lasted
     * longer than the retry budget (1 h in the tests; its start is moved back) is dead-lettered.
     */
    @Test
    void anOutageUsesUpNoAttemptsOnlyTheRetryBudgetEndsAnEvent() throws Exception {
        String uid = "bk_" + UUID.randomUUID();
        String overdueUid = "bk_" + UUID.randomUUID();
        long pid = Long.parseLong(System.getProperty(VoiceBackends.BOOKING_PID));
        signal("STOP", pid);
        String id;
        String overdue;
        try {
            id = send(event("BOOKING_CREATED", uid, null, at(salon.day(13), 10), Map.of())).statusCode(202)
                    .extract().path("id");
            overdue = send(event("BOOKING_CREATED", overdueUid, null, at(salon.day(13), 12), Map.of())).statusCode(202)
                    .extract().path("id");
            Set<String> retries = new HashSet<>();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
                var pending = event(id).body("status", anyOf(equalTo("received"), equalTo("processing"),
                        equalTo("failed")));
                String next = pending.extract().path("nextAttemptAt");
                if ("failed".equals(pending.extract().path("status")) && next != null) {
                    retries.add(next);
                }
                return retries.size() > 4; // more retries than the three attempts there are
            });
            event(id).body("status", anyOf(equalTo("failed"), equalTo("processing")))
                    .body("attempts", lessThanOrEqualTo(1));
            await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
                startFailingLongAgo(overdue);
                event(overdue).body("status", equalTo("dead"));
            });
            event(overdue).body("lastError", notNullValue());
        } finally {
            signal("CONT", pid);
        }
        awaitEvent(id, "done");
        appointments(uid).body("items", hasSize(1));
        // The overdue event stays dead (a replay is the operator's call). Its last request may still have been
        // applied by booking-service once it ran again: a time-out says nothing about what the other side did, which
        // is why every calendar request carries an Idempotency-Key and a replay books nothing twice.
        event(overdue).body("status", equalTo("dead"));
    }

    /**
     * A busy calendar's inbox holds its integration's every event until retention: the lookups each calendar event
     * makes of its booking's other events must go through their indexes, not read all of them (a scan cost 0.8 s per
     * event at 330 000 events).
     */
    @Test
    void aBookingsOtherEventsAreFoundThroughIndexesInABusyInbox() throws SQLException {
        String busy = Salon.createIntegration(salon.admin(), salon.company(), Map.of("provider", "calendar",
                        "name", "Cal.com, busy", "branchId", salon.branch(), "serviceId", salon.haircut()))
                .then().statusCode(201).extract().path("id");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into inbound_events (id, integration_id, company_id, provider, event_type, dedupe_key,
                                                 status, priority, body, received_at, reschedule_uid)
                     select gen_random_uuid(), ?, ?, 'calendar', 'BOOKING_RESCHEDULED',
                            'bk_' || n || ':BOOKING_RESCHEDULED:2026-12-01T10:00:00Z', 'done', 3, '{}', now(),
                            'bk_old_' || n
                     from generate_series(1, 20000) n""");
             Statement analyze = connection.createStatement()) {
            insert.setObject(1, UUID.fromString(busy));
            insert.setObject(2, UUID.fromString(salon.company()));
            insert.executeUpdate();
            analyze.execute("analyze inbound_events");
        }
        Map<String, Object> other = Map.of("integration", busy, "id", UUID.randomUUID(),
                "statuses", List.of("received", "processing", "failed", "done", "dead"),
                "created", "bk_7:" + CalendarBookingHandler.CREATED,
                "moved", "bk_7:" + CalendarBookingHandler.RESCHEDULED + ":");
        assertThat(plan(CalendarBookingHandler.OTHER_EVENTS, other), allOf(
                containsString("\"Index Name\": \"inbound_events_calendar_uid_idx\""), not(containsString("Seq Scan"))));
        assertThat(plan(CalendarBookingHandler.MOVES, Map.of("integration", busy, "uid", "bk_old_7")), allOf(
                containsString("\"Index Name\": \"inbound_events_reschedule_uid_idx\""), not(containsString("Seq Scan"))));
    }

    /** PostgreSQL's plan for one of the handler's queries, its parameters written in as literals. */
    private String plan(String sql, Map<String, Object> parameters) throws SQLException {
        String query = Pattern.compile(":(\\w+)").matcher(sql).replaceAll(parameter -> {
            Object value = parameters.get(parameter.group(1));
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            return Matcher.quoteReplacement(values.stream()
                    .map(one -> "'" + one.toString().replace("'", "''") + "'")
                    .collect(Collectors.joining(", ")));
        });
        try (Connection connection = dataSource.getConnection();
             Statement explain = connection.createStatement();
             ResultSet plan = explain.executeQuery("explain (format json) " + query)) {
            plan.next();
            return plan.getString(1);
        }
    }

    /** As if the event's failures had begun before the retry budget (1 h in the tests). */
    private void startFailingLongAgo(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     update inbound_events set failing_since = now() - interval '2 hours'
                     where id = ? and failing_since is not null and status <> 'dead'""")) {
            update.setObject(1, UUID.fromString(eventId));
            update.executeUpdate();
        }
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(Salon.BERLIN).toOffsetDateTime();
    }

    private static String event(String trigger, String uid, String rescheduleUid, OffsetDateTime start,
                                Map<String, Object> more) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("uid", uid);
        payload.put("title", "Haircut");
        payload.put("startTime", start.toString());
        payload.put("endTime", start.plusMinutes(30).toString());
        payload.put("attendees", List.of(Map.of("name", "Clara Meyer", "email", "clara@example.org")));
        if (rescheduleUid != null) {
            payload.put("rescheduleUid", rescheduleUid);
        }
        payload.putAll(more);
        try {
            return new ObjectMapper().writeValueAsString(Map.of("triggerEvent", trigger,
                    "createdAt", OffsetDateTime.now().toString(), "payload", payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse send(String body) {
        return given().contentType(ContentType.JSON)
                .header(CalSignature.HEADER, CalSignature.sign(body.getBytes(StandardCharsets.UTF_8), secret))
                .body(body).post("/v1/webhooks/calendar?integration={i}", integration).then();
    }

    private static ValidatableResponse event(String id) {
        return given().auth().oauth2(salon.admin()).get("/v1/webhooks/events/{id}", id).then().statusCode(200);
    }

    private static ValidatableResponse awaitEvent(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> event(id).body("status", equalTo(status)));
        return event(id);
    }

    private static void replay(String id) {
        given().auth().oauth2(salon.admin()).post("/v1/webhooks/events/{id}/replay", id).then().statusCode(200);
    }

    private static ValidatableResponse appointments(String uid) {
        return given().auth().oauth2(salon.admin()).queryParam("source", "calendar").queryParam("externalRef", uid)
                .get(VoiceBackends.bookingUrl() + "/v1/appointments").then().statusCode(200);
    }

    private static int appointmentsOn(LocalDate day) {
        return given().auth().oauth2(salon.admin()).queryParam("branchId", salon.branch())
                .queryParam("from", at(day, 0).toString()).queryParam("to", at(day.plusDays(1), 0).toString())
                .get(VoiceBackends.bookingUrl() + "/v1/appointments").then().statusCode(200)
                .extract().path("items.size()");
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor());
    }
}
