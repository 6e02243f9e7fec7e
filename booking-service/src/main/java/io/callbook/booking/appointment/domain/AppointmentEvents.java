package io.callbook.booking.appointment.domain;

import io.callbook.booking.branch.domain.SlotsChanged;
import io.callbook.common.contracts.booking.AppointmentData;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;

/**
 * Every appointment change leaves two traces in its own transaction: an outbox event for other services (relayed
 * to Kafka after commit, keyed by appointment id so one appointment's events stay ordered) and, when the staff
 * member's free time changed, a {@link SlotsChanged} for this service's availability cache.
 */
@ApplicationScoped
public class AppointmentEvents {

    private final Outbox outbox;
    private final Event<SlotsChanged> slotsChanged;

    public AppointmentEvents(Outbox outbox, Event<SlotsChanged> slotsChanged) {
        this.outbox = outbox;
        this.slotsChanged = slotsChanged;
    }

    void created(Appointment a) {
        publish(a.status == AppointmentStatus.HELD ? BookingEvents.APPOINTMENT_HELD : BookingEvents.APPOINTMENT_BOOKED,
                a, null, null);
        slots(a, a.blockedFrom, a.blockedUntil);
    }

    void rescheduled(Appointment a, Instant previousFrom, Instant previousUntil) {
        publish(BookingEvents.APPOINTMENT_RESCHEDULED, a, previousFrom, previousUntil);
        slots(a, previousFrom, previousUntil);
        slots(a, a.blockedFrom, a.blockedUntil);
    }

    /** @param freed whether the change released the staff member's time (the old status was live, the new is not) */
    void statusChanged(Appointment a, boolean freed) {
        String type = switch (a.status) {
            case CANCELLED -> BookingEvents.APPOINTMENT_CANCELLED;
            case EXPIRED -> BookingEvents.APPOINTMENT_HOLD_EXPIRED;
            default -> BookingEvents.APPOINTMENT_STATUS_CHANGED;
        };
        publish(type, a, null, null);
        if (freed) {
            slots(a, a.blockedFrom, a.blockedUntil);
        }
    }

    private void publish(String type, Appointment a, Instant previousFrom, Instant previousUntil) {
        outbox.publish(BookingEvents.TOPIC, type, a.id.toString(), a.companyId, new AppointmentData(a.id, a.companyId,
                a.branchId, a.serviceId, a.staffId, a.customerId, a.startsAt, a.endsAt, a.blockedFrom, a.blockedUntil,
                a.status.dbValue(), a.source.dbValue(), a.externalRef, previousFrom, previousUntil));
    }

    private void slots(Appointment a, Instant from, Instant until) {
        slotsChanged.fire(new SlotsChanged(a.companyId, a.branchId, from, until));
    }
}
