package io.callbook.booking.appointment.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.SlotsChangedRecorder;
import io.callbook.booking.appointment.domain.Appointment;
import io.callbook.booking.appointment.domain.AppointmentStatus;
import io.callbook.booking.branch.domain.SlotsChanged;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.common.outbox.OutboxEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Status changes follow AppointmentStatus.canBecome; a change the lifecycle forbids is 409 and changes nothing. */
@QuarkusTest
class AppointmentLifecycleTest {

    @Inject
    BookingFixtures fixtures;
    @Inject
    SlotsChangedRecorder slots;

    private AppointmentKit kit;

    @BeforeEach
    void tenant() {
        kit = AppointmentKit.create(fixtures, 0, 10);
    }

    @Test
    void aHoldIsConfirmed() {
        Map<String, Object> body = kit.body(kit.at(0));
        body.put("hold", true);
        String id = kit.post(kit.agent(), body).statusCode(201).extract().path("id");
        kit.action(kit.agent(), id, "confirm", null).statusCode(200)
                .body("status", equalTo("confirmed"))
                .body("holdExpiresAt", nullValue());
        // Confirming again changes nothing and publishes nothing.
        kit.action(kit.agent(), id, "confirm", null).statusCode(200).body("status", equalTo("confirmed"));
        assertEquals(List.of(BookingEvents.APPOINTMENT_HELD, BookingEvents.APPOINTMENT_STATUS_CHANGED), kit.eventTypes(id));
    }

    @Test
    void aPendingBookingIsConfirmedThenCompleted() {
        Map<String, Object> body = kit.body(kit.at(0));
        body.put("confirm", false);
        String id = kit.post(kit.agent(), body).statusCode(201).body("status", equalTo("pending")).extract().path("id");
        kit.action(kit.agent(), id, "confirm", null).statusCode(200).body("status", equalTo("confirmed"));
        kit.action(kit.agent(), id, "status", Map.of("status", "completed")).statusCode(200).body("status", equalTo("completed"));
        // Completed is final.
        kit.action(kit.agent(), id, "status", Map.of("status", "no_show")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/illegal-transition"))
                .body("currentStatus", equalTo("completed"))
                .body("requestedStatus", equalTo("no_show"));
        kit.action(kit.agent(), id, "cancel", Map.of("reason", "too late")).statusCode(409);
        kit.action(kit.agent(), id, "confirm", null).statusCode(409);
        assertEquals(AppointmentStatus.COMPLETED, kit.appointment(id).status);
    }

    @Test
    void aConfirmedAppointmentCanBeANoShowButNotPendingAgain() {
        String id = kit.book(kit.at(0));
        kit.action(kit.admin(), id, "status", Map.of("status", "pending")).statusCode(409)
                .body("currentStatus", equalTo("confirmed"));
        kit.action(kit.admin(), id, "status", Map.of("status", "held")).statusCode(422)
                .body("type", endsWith("/status-not-settable"));
        kit.action(kit.admin(), id, "status", Map.of("status", "expired")).statusCode(422);
        kit.action(kit.admin(), id, "status", Map.of("status", "no_show")).statusCode(200).body("status", equalTo("no_show"));
        assertEquals(List.of(BookingEvents.APPOINTMENT_BOOKED, BookingEvents.APPOINTMENT_STATUS_CHANGED), kit.eventTypes(id));
    }

    @Test
    void cancellingFreesTheSlotAndKeepsTheReason() {
        String id = kit.book(kit.at(0));
        kit.action(kit.agent(), id, "cancel", Map.of("reason", "Customer is ill")).statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("cancellationReason", equalTo("Customer is ill"));
        // A repeated cancel (e.g. a redelivered calendar webhook) is harmless.
        kit.action(kit.agent(), id, "cancel", null).statusCode(200).body("status", equalTo("cancelled"));
        kit.action(kit.agent(), id, "status", Map.of("status", "cancelled")).statusCode(200);
        assertEquals(List.of(BookingEvents.APPOINTMENT_BOOKED, BookingEvents.APPOINTMENT_CANCELLED), kit.eventTypes(id));
        kit.post(kit.agent(), kit.body(kit.at(0))).statusCode(201);
        // Cancelled is final: no confirming, no moving.
        kit.action(kit.agent(), id, "confirm", null).statusCode(409).body("currentStatus", equalTo("cancelled"));
        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(240)))).statusCode(409)
                .body("type", endsWith("/not-reschedulable"));
    }

    @Test
    void anExpiredHoldCannotBeConfirmed() {
        Map<String, Object> body = kit.body(kit.at(0));
        body.put("hold", true);
        String id = kit.post(kit.agent(), body).statusCode(201).extract().path("id");
        kit.expireHoldInThePast(id);
        kit.action(kit.agent(), id, "confirm", null).statusCode(409).body("currentStatus", equalTo("expired"));
    }

    @Test
    void rescheduleKeepsLengthAndBuffersAndPublishesBothRanges() throws Exception {
        String id = kit.book(kit.at(0)); // 0..30, blocked 0..40
        Staff other = kit.anotherStaff();
        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(15)))).statusCode(200)
                .body("start", equalTo(kit.at(15).toString()))
                .body("end", equalTo(kit.at(45).toString()))
                .body("blockedUntil", equalTo(kit.at(55).toString()));
        // To another staff member, at the same time.
        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(15)), "staffId", other.id.toString()))
                .statusCode(200).body("staffId", equalTo(other.id.toString()));

        OutboxEvent moved = kit.events(id).get(1);
        assertEquals(BookingEvents.APPOINTMENT_RESCHEDULED, moved.eventType);
        JsonNode data = new ObjectMapper().readTree(moved.payload);
        assertEquals(kit.at(0).toString(), data.get("previousBlockedFrom").asText());
        assertEquals(kit.at(40).toString(), data.get("previousBlockedUntil").asText());
        assertEquals(kit.at(15).toString(), data.get("blockedFrom").asText());

        List<SlotsChanged> changed = slots.of(kit.company);
        assertTrue(changed.contains(new SlotsChanged(kit.company, kit.branch.id(), kit.at(0), kit.at(40))), "old range");
        assertTrue(changed.contains(new SlotsChanged(kit.company, kit.branch.id(), kit.at(15), kit.at(55))), "new range");
    }

    @Test
    void reschedulingIntoATakenSlotIs409AndChangesNothing() {
        String taken = kit.book(kit.at(0));
        String id = kit.book(kit.at(120));
        Appointment before = kit.appointment(id);
        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(35)))).statusCode(409)
                .body("type", endsWith("/slot-taken"))
                .body("conflict.start", equalTo(kit.at(0).toString()))
                .body("conflict.blockedUntil", equalTo(kit.at(40).toString()));
        Appointment after = kit.appointment(id);
        assertEquals(before.startsAt, after.startsAt);
        assertEquals(before.version, after.version);
        assertEquals(List.of(BookingEvents.APPOINTMENT_BOOKED), kit.eventTypes(id));
        assertEquals(AppointmentStatus.CONFIRMED, kit.appointment(taken).status);
    }

    @Test
    void aRescheduledCalendarBookingTakesItsNewUid() {
        Map<String, Object> body = kit.body(kit.at(0));
        body.put("source", "calendar");
        body.put("externalRef", "cal-first-" + kit.company);
        String id = kit.post(kit.agent(), body).statusCode(201).extract().path("id");
        Map<String, Object> other = kit.body(kit.at(240));
        other.put("source", "calendar");
        other.put("externalRef", "cal-other-" + kit.company);
        String otherId = kit.post(kit.agent(), other).statusCode(201).extract().path("id");

        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(60)),
                        "externalRef", "cal-moved-" + kit.company)).statusCode(200)
                .body("start", equalTo(kit.at(60).toString()))
                .body("externalRef", equalTo("cal-moved-" + kit.company));
        // The same time with a new uid changes only the uid; without one the uid stays.
        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(60)),
                "externalRef", "cal-again-" + kit.company)).statusCode(200).body("externalRef", equalTo("cal-again-" + kit.company));
        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(90)))).statusCode(200)
                .body("externalRef", equalTo("cal-again-" + kit.company));
        assertEquals(List.of(BookingEvents.APPOINTMENT_BOOKED, BookingEvents.APPOINTMENT_RESCHEDULED,
                BookingEvents.APPOINTMENT_RESCHEDULED), kit.eventTypes(id));

        // A calendar uid stays one appointment's: taking another's is refused and names it.
        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(120)),
                        "externalRef", "cal-other-" + kit.company)).statusCode(409)
                .body("type", endsWith("/external-ref-taken"))
                .body("appointmentId", equalTo(otherId));
        assertEquals(kit.at(90), kit.appointment(id).startsAt);
        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(90)),
                "externalRef", "x".repeat(201))).statusCode(400);
    }

    @Test
    void aRescheduleMayOverlapTheAppointmentsOwnOldTime() {
        String id = kit.book(kit.at(0));
        kit.action(kit.agent(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(-10)))).statusCode(200);
        assertEquals(kit.at(-10), kit.appointment(id).startsAt);
        assertEquals(Duration.ofMinutes(30), Duration.between(kit.appointment(id).startsAt, kit.appointment(id).endsAt));
        Instant now = Instant.now();
        assertTrue(kit.appointment(id).updatedAt.isBefore(now.plusSeconds(1)));
    }
}
