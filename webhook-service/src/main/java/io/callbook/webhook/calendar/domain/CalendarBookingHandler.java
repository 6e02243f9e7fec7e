package io.callbook.webhook.calendar.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.common.security.Hashes;
import io.callbook.webhook.calendar.domain.CalendarBookings.CalendarAppointment;
import io.callbook.webhook.calendar.domain.CalendarBookings.NewCalendarAppointment;
import io.callbook.webhook.inbound.domain.EarlierEventPending;
import io.callbook.webhook.inbound.domain.InboundEvent;
import io.callbook.webhook.inbound.domain.InboundHandler;
import io.callbook.webhook.inbound.domain.UnprocessableEvent;
import io.callbook.webhook.inbound.domain.WebhookIdentities;
import io.callbook.webhook.integration.domain.Integration;
import io.callbook.webhook.integration.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * BOOKING_CREATED, BOOKING_RESCHEDULED and BOOKING_CANCELLED keep the appointment of a calendar booking in step, in
 * the branch and service the integration names. Every step is safe to repeat: a booking is made with an
 * Idempotency-Key and found by its uid, a move to where it already is and a second cancel change nothing. booking-service
 * refusing (slot taken, outside working hours, ...) makes the event unprocessable rather than retried; an outage is
 * retried by the inbox's schedule.
 */
@ApplicationScoped
public class CalendarBookingHandler implements InboundHandler {

    static final String CREATED = "BOOKING_CREATED";
    static final String RESCHEDULED = "BOOKING_RESCHEDULED";
    static final String CANCELLED = "BOOKING_CANCELLED";
    private static final int MAX_NOTES = 2000;
    private static final int MAX_REASON = 500;
    private static final List<String> PENDING = List.of("received", "processing", "failed");
    private static final List<String> SEEN = List.of("received", "processing", "failed", "done", "dead");
    /**
     * The booking's own events, found through the index of calendar events by booking uid (V8): the dedupe key starts
     * with the uid, so the split_part term holds for every row the key conditions match, and only it can use the index.
     * Both lookups must stay index reads however many events the integration has: every calendar event makes them.
     */
    static final String OTHER_EVENTS = """
            select count(*) from inbound_events
            where integration_id = :integration and provider = 'calendar'
              and split_part(dedupe_key, ':', 1) = split_part(:created, ':', 1)
              and id <> :id and status in (:statuses)
              and (dedupe_key = :created or substring(dedupe_key, 1, length(:moved)) = :moved)""";
    static final String MOVES = """
            select count(*) from inbound_events
            where integration_id = :integration and reschedule_uid = :uid
              and event_type = 'BOOKING_RESCHEDULED' and status = 'done'""";

    private final CalendarBookings bookings;

    public CalendarBookingHandler(CalendarBookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public boolean handles(Provider provider, String eventType) {
        return provider == Provider.CALENDAR && WebhookIdentities.BOOKING_TRIGGERS.contains(eventType);
    }

    @Override
    public void handle(InboundEvent event, JsonNode body) {
        Integration integration = Integration.findById(event.integrationId);
        if (integration == null || integration.branchId == null || integration.serviceId == null) {
            throw new UnprocessableEvent("Calendar integration " + event.integrationId + " names no branchId and "
                    + "serviceId for its bookings; set them, then replay this event");
        }
        JsonNode payload = body.path("payload");
        String uid = WebhookIdentities.text(payload, "uid");
        try {
            event.outcome = switch (event.eventType) {
                case CREATED -> created(event, integration, payload, uid);
                case RESCHEDULED -> rescheduled(event, integration, payload, uid);
                case CANCELLED -> cancelled(event, payload, uid);
                default -> throw new IllegalStateException("Not a calendar trigger: " + event.eventType);
            };
        } catch (BookingRefused refused) {
            if (refused.inFlight()) {
                throw refused; // its twin is still running: the retry will find its result
            }
            throw new UnprocessableEvent("booking-service refused " + event.eventType + " of calendar booking " + uid
                    + " (" + refused.status() + " " + refused.type() + "): " + refused.getMessage(), refused);
        }
    }

    private String created(InboundEvent event, Integration integration, JsonNode payload, String uid) {
        if (movedBeforeCreated(event, uid)) {
            // The move arrived first and booked the new time; booking the old one now would book the customer twice.
            return "Calendar booking " + uid + " was already moved by a later event, processed first: nothing to create";
        }
        try {
            return "Booked as appointment " + book(event, integration, payload, uid).id();
        } catch (BookingRefused refused) {
            if (refused.externalRefTaken()) {
                return "Already an appointment: " + refused.getMessage();
            }
            throw refused;
        }
    }

    /**
     * Cal.com gives a moved booking a new uid and names the old one in {@code rescheduleUid}; the appointment is found
     * by either (the old one first: a replay finds it under the new one) and takes the new uid along.
     */
    private String rescheduled(InboundEvent event, Integration integration, JsonNode payload, String uid) {
        String previousUid = WebhookIdentities.text(payload, "rescheduleUid");
        OffsetDateTime start = startTime(payload);
        Set<String> uids = new LinkedHashSet<>();
        if (previousUid != null) {
            uids.add(previousUid);
        }
        uids.add(uid);
        Optional<CalendarAppointment> found = Optional.empty();
        for (String candidate : uids) {
            found = bookings.findCalendarBooking(event.companyId, candidate);
            if (found.isPresent()) {
                break;
            }
        }
        if (found.isEmpty()) {
            requireNoEarlierEventPending(event, uids);
            if (otherEvents(event, uids, SEEN) > 0) {
                // Its creation failed, or the booking has moved on since (a replay): booking it here would duplicate it.
                return "No appointment has calendar booking " + String.join(" or ", uids) + ": nothing to move";
            }
            return "The booking's creation was never received; booked as appointment "
                    + book(event, integration, payload, uid).id() + " at its new time";
        }
        CalendarAppointment appointment = found.get();
        if (appointment.start().equals(start.toInstant()) && uid.equals(appointment.uid())) {
            return "Appointment " + appointment.id() + " is already at " + start;
        }
        bookings.moveCalendarBooking(event.companyId, appointment.id(), start, uid);
        return "Moved appointment " + appointment.id() + " to " + start;
    }

    private String cancelled(InboundEvent event, JsonNode payload, String uid) {
        Optional<CalendarAppointment> found = bookings.findCalendarBooking(event.companyId, uid);
        if (found.isEmpty()) {
            requireNoEarlierEventPending(event, Set.of(uid));
            return "No appointment has calendar booking " + uid + " (its creation was never processed): nothing to cancel";
        }
        String reason = WebhookIdentities.text(payload, "cancellationReason");
        CalendarAppointment cancelled = bookings.cancelCalendarBooking(event.companyId, found.get().id(),
                reason == null ? "Cancelled in the calendar" : abbreviate(reason, MAX_REASON));
        return "Appointment " + cancelled.id() + " is " + cancelled.status();
    }

    private CalendarAppointment book(InboundEvent event, Integration integration, JsonNode payload, String uid) {
        JsonNode attendee = payload.path("attendees").path(0);
        String phone = firstText(attendee.path("phoneNumber"), payload.path("responses").path("attendeePhoneNumber"),
                payload.path("responses").path("phone"));
        String name = WebhookIdentities.text(attendee, "name");
        String email = WebhookIdentities.text(attendee, "email");
        List<String> notes = new ArrayList<>();
        Optional.ofNullable(WebhookIdentities.text(payload, "title")).ifPresent(notes::add);
        if (phone == null && (name != null || email != null)) {
            // Without a phone number booking-service cannot file the attendee as a customer; keep who it was.
            notes.add("Attendee: " + String.join(" ", Optional.ofNullable(name).orElse(""),
                    email == null ? "" : "<" + email + ">").strip());
        }
        NewCalendarAppointment appointment = new NewCalendarAppointment(event.companyId, integration.branchId,
                integration.serviceId, integration.staffId, startTime(payload), phone, name,
                phone == null ? null : email, notes.isEmpty() ? null : abbreviate(String.join("\n", notes), MAX_NOTES), uid);
        return bookings.bookCalendarBooking(appointment, idempotencyKey(event, uid));
    }

    /**
     * An event of this booking that arrived earlier may still be waiting for a retry (booking-service was down): this
     * one must wait for it too, or a cancellation would be dropped and the booking made after it.
     */
    private static void requireNoEarlierEventPending(InboundEvent event, Set<String> uids) {
        if (otherEvents(event, uids, PENDING) > 0) {
            throw new EarlierEventPending("Calendar booking " + String.join(" or ", uids) + " has an earlier event "
                    + "still to be processed; " + event.eventType + " waits for it");
        }
    }

    /** Other events of this integration that book or move a booking with one of these uids, in these statuses. */
    private static long otherEvents(InboundEvent event, Set<String> uids, List<String> statuses) {
        long count = 0;
        for (String uid : uids) {
            Number events = (Number) InboundEvent.getEntityManager().createNativeQuery(OTHER_EVENTS)
                    .setParameter("integration", event.integrationId)
                    .setParameter("id", event.id)
                    .setParameter("statuses", statuses)
                    .setParameter("created", uid + ":" + CREATED)
                    .setParameter("moved", uid + ":" + RESCHEDULED + ":")
                    .getSingleResult();
            count += events.longValue();
        }
        return count;
    }

    /** Whether a move of this booking (its uid as {@code rescheduleUid}) has been processed already. */
    private static boolean movedBeforeCreated(InboundEvent event, String uid) {
        Number moves = (Number) InboundEvent.getEntityManager().createNativeQuery(MOVES)
                .setParameter("integration", event.integrationId)
                .setParameter("uid", uid)
                .getSingleResult();
        return moves.longValue() > 0;
    }

    /** The provider's trigger and uid make the key: a redelivered or replayed event books nothing new. */
    private static String idempotencyKey(InboundEvent event, String uid) {
        return "calendar-" + Hashes.sha256Hex(event.integrationId + "\n" + uid + "\n" + event.eventType);
    }

    private static OffsetDateTime startTime(JsonNode payload) {
        String start = WebhookIdentities.text(payload, "startTime");
        if (start == null) {
            throw new UnprocessableEvent("The calendar event has no payload.startTime");
        }
        try {
            return OffsetDateTime.parse(start);
        } catch (DateTimeException e) {
            throw new UnprocessableEvent("payload.startTime '" + abbreviate(start, 40) + "' is not an ISO-8601 "
                    + "date-time with offset");
        }
    }

    /** Cal.com's booking-form responses are plain strings or {@code {label, value}} objects. */
    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            String value = candidate.isObject() ? WebhookIdentities.text(candidate, "value")
                    : candidate.isTextual() && !candidate.asText().isBlank() ? candidate.asText().strip() : null;
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
