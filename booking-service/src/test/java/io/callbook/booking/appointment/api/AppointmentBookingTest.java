package io.callbook.booking.appointment.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.SlotsChangedRecorder;
import io.callbook.booking.appointment.domain.AppointmentStatus;
import io.callbook.booking.branch.domain.SlotsChanged;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.booking.customer.domain.Customer;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.common.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AppointmentBookingTest {

    @Inject
    BookingFixtures fixtures;
    @Inject
    SlotsChangedRecorder slots;

    private AppointmentKit kit;

    @BeforeEach
    void tenant() {
        // 30 minutes with 10 minutes before and 15 after: 10:00 blocks 09:50–10:45.
        kit = AppointmentKit.create(fixtures, 10, 15);
    }

    @Test
    void bookingAnswers201WithTheAppointmentAndTheTimeItBlocks() {
        Instant start = kit.at(0);
        String id = kit.post(kit.agent(), kit.body(start)).statusCode(201)
                .body("status", equalTo("confirmed"))
                .body("start", equalTo(start.toString()))
                .body("end", equalTo(start.plus(Duration.ofMinutes(30)).toString()))
                .body("blockedFrom", equalTo(start.minus(Duration.ofMinutes(10)).toString()))
                .body("blockedUntil", equalTo(start.plus(Duration.ofMinutes(45)).toString()))
                .body("source", equalTo("api"))
                .body("holdExpiresAt", nullValue())
                .body("customerId", notNullValue())
                .extract().path("id");
        kit.get(kit.agent(), id).statusCode(200).body("id", equalTo(id)).body("staffId", equalTo(kit.staff.id.toString()));
    }

    @Test
    void locationPointsAtTheNewAppointment() {
        var response = kit.post(kit.admin(), kit.body(kit.at(0))).statusCode(201).extract();
        assertTrue(response.header("Location").endsWith("/v1/appointments/" + response.path("id")));
    }

    @Test
    void theSameSlotCannotBeBookedTwiceAndTheProblemNamesTheTakenSlot() {
        Instant start = kit.at(0);
        kit.book(start);
        kit.post(kit.admin(), kit.body(start.plus(Duration.ofMinutes(15)))).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/slot-taken"))
                .body("conflict.staffId", equalTo(kit.staff.id.toString()))
                .body("conflict.start", equalTo(start.toString()))
                .body("conflict.end", equalTo(start.plus(Duration.ofMinutes(30)).toString()))
                .body("conflict.blockedFrom", equalTo(start.minus(Duration.ofMinutes(10)).toString()));
        assertEquals(1, kit.rows());
    }

    @Test
    void buffersAreRespectedAndRangesAreHalfOpen() {
        kit.book(kit.at(0)); // blocks -10 .. +45
        // Ends at +30 but its 10 minutes before (from +30) still overlap the first one's 15 after.
        kit.post(kit.admin(), kit.body(kit.at(40))).statusCode(409);
        // Its buffer before starts at +45, exactly where the first one's buffer after ends.
        kit.post(kit.admin(), kit.body(kit.at(55))).statusCode(201);
        // Ends at -25, buffer after until -10: touches the first one's buffer before.
        kit.post(kit.admin(), kit.body(kit.at(-55))).statusCode(201);
        kit.post(kit.admin(), kit.body(kit.at(-50))).statusCode(409);
        assertEquals(3, kit.rows());
        // Another staff member is free at the very same time.
        Staff other = kit.anotherStaff();
        kit.post(kit.admin(), kit.body(kit.at(0), other.id)).statusCode(201);
    }

    @Test
    void aHoldTakesTheSlotUntilItExpires() {
        Map<String, Object> hold = kit.body(kit.at(0));
        hold.put("hold", true);
        String holdId = kit.post(kit.agent(), hold).statusCode(201)
                .body("status", equalTo("held"))
                .body("holdExpiresAt", notNullValue())
                .extract().path("id");
        Instant expires = kit.appointment(holdId).holdExpiresAt;
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofMinutes(4))) && expires.isBefore(Instant.now().plus(Duration.ofMinutes(6))));
        kit.post(kit.agent(), kit.body(kit.at(0))).statusCode(409);

        kit.expireHoldInThePast(holdId);
        String booked = kit.post(kit.agent(), kit.body(kit.at(0))).statusCode(201).extract().path("id");
        assertEquals(AppointmentStatus.EXPIRED, kit.appointment(holdId).status);
        assertEquals(AppointmentStatus.CONFIRMED, kit.appointment(booked).status);
        assertTrue(kit.eventTypes(holdId).contains(BookingEvents.APPOINTMENT_HOLD_EXPIRED));
        assertEquals(List.of(BookingEvents.APPOINTMENT_HELD, BookingEvents.APPOINTMENT_HOLD_EXPIRED), kit.eventTypes(holdId));
    }

    @Test
    void theSweepExpiresOverdueHoldsOnItsOwn() {
        Map<String, Object> hold = kit.body(kit.at(0));
        hold.put("hold", true);
        String holdId = kit.post(kit.agent(), hold).statusCode(201).extract().path("id");
        kit.expireHoldInThePast(holdId);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> kit.appointment(holdId).status == AppointmentStatus.EXPIRED);
        assertEquals(List.of(BookingEvents.APPOINTMENT_HELD, BookingEvents.APPOINTMENT_HOLD_EXPIRED), kit.eventTypes(holdId));
        assertTrue(slots.of(kit.company).stream().filter(e -> e.from().equals(kit.at(-10))).count() >= 2,
                "the hold and its expiry both changed the free time");
    }

    @Test
    void confirmFalseBooksAsPending() {
        Map<String, Object> body = kit.body(kit.at(0));
        body.put("confirm", false);
        body.put("source", "voice");
        body.put("externalRef", "call_123");
        body.put("notes", "Prefers the window seat");
        kit.post(kit.agent(), body).statusCode(201)
                .body("status", equalTo("pending"))
                .body("source", equalTo("voice"))
                .body("externalRef", equalTo("call_123"))
                .body("notes", equalTo("Prefers the window seat"));
    }

    @Test
    void withoutStaffAnyFreePerformerIsPickedInAStableOrder() {
        Staff second = kit.anotherStaff();
        // Someone at the branch who does not perform the service is never picked.
        fixtures.staff(kit.branch, java.util.Set.of());
        List<UUID> performers = java.util.stream.Stream.of(kit.staff.id, second.id).sorted(AppointmentBookingTest::pgOrder).toList();

        String first = kit.post(kit.admin(), kit.body(kit.at(0), null)).statusCode(201).extract().path("staffId");
        String next = kit.post(kit.admin(), kit.body(kit.at(0), null)).statusCode(201).extract().path("staffId");
        assertEquals(performers.get(0).toString(), first);
        assertEquals(performers.get(1).toString(), next);
        kit.post(kit.admin(), kit.body(kit.at(0), null)).statusCode(409)
                .body("type", endsWith("/slot-taken"))
                .body("conflict.staffId", nullValue())
                .body("conflict.start", equalTo(kit.at(0).toString()));
        assertEquals(2, kit.rows());
    }

    @Test
    void nationalPhoneNumbersAreReadInTheBranchRegion() {
        Map<String, Object> body = kit.body(kit.at(0));
        body.put("customer", Map.of("phone", "030 98765432", "name", "Max", "email", "Max@Example.org"));
        String customerId = kit.post(kit.admin(), body).statusCode(201).extract().path("customerId");
        Customer customer = QuarkusTransaction.requiringNew().call(() -> Customer.findById(UUID.fromString(customerId)));
        assertEquals("+493098765432", customer.phoneE164);
        assertEquals("max@example.org", customer.email);

        // An existing customer by id.
        Map<String, Object> again = kit.body(kit.at(120));
        again.remove("customer");
        again.put("customerId", customerId);
        kit.post(kit.admin(), again).statusCode(201).body("customerId", equalTo(customerId));
    }

    @Test
    void everyBookingWritesItsEventAndSlotsChangedInItsTransaction() throws Exception {
        Instant start = kit.at(0);
        String id = kit.book(start);
        List<OutboxEvent> events = kit.events(id);
        assertEquals(1, events.size());
        OutboxEvent booked = events.get(0);
        assertEquals(BookingEvents.TOPIC, booked.topic);
        assertEquals(BookingEvents.APPOINTMENT_BOOKED, booked.eventType);
        assertEquals(kit.company, booked.tenantId);
        JsonNode data = new ObjectMapper().readTree(booked.payload);
        assertEquals("confirmed", data.get("status").asText());
        assertEquals(kit.staff.id.toString(), data.get("staffId").asText());
        assertEquals(start.minus(Duration.ofMinutes(10)).toString(), data.get("blockedFrom").asText());

        List<SlotsChanged> changed = slots.of(kit.company);
        assertEquals(List.of(new SlotsChanged(kit.company, kit.branch.id(), start.minus(Duration.ofMinutes(10)),
                start.plus(Duration.ofMinutes(45)))), changed);

        // A refused booking rolls back: no event, no row, nothing for availability.
        kit.post(kit.admin(), kit.body(start)).statusCode(409);
        assertEquals(1, slots.of(kit.company).size());
        assertEquals(1, kit.outboxRows());
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; Java's UUID.compareTo compares signed longs. */
    private static int pgOrder(UUID a, UUID b) {
        return a.toString().compareTo(b.toString());
    }
}
