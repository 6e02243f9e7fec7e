package io.callbook.webhook.voice.domain;

import io.callbook.webhook.voice.domain.VoiceBooking.Appointment;
import io.callbook.webhook.voice.domain.VoiceBooking.NewAppointment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The appointments booking-service made during a call, as its booking events tell them. A booking whose answer ran out
 * of time may have been made, and the agent's next attempt may find booking-service's circuit open or slow again;
 * the event still arrives, so that attempt can tell the caller the appointment instead of "still checking". Shared by
 * every replica, like {@link UnansweredAttempts}. Best effort both ways: without it the booking stays in doubt, as
 * before.
 */
public interface CallBookings {

    /** An appointment booked or moved during the call, with its current times. */
    void made(UUID companyId, String callId, Appointment appointment);

    /** The appointment is no longer live (cancelled, hold expired): it confirms nothing. */
    void gone(UUID companyId, String callId, UUID appointmentId);

    /** Empty when there are none, or when they cannot be read. */
    List<Appointment> of(UUID companyId, String callId);

    /**
     * The appointment that answers {@code wanted}: the same branch, service and start, the named staff member if one
     * was named, and not one the call was already told of (a second booking of the same time with anyone
     * free is another appointment).
     */
    static Optional<Appointment> madeFor(NewAppointment wanted, List<Appointment> made, Collection<UUID> told) {
        return made.stream()
                .filter(a -> a.branchId().equals(wanted.branchId()) && a.serviceId().equals(wanted.serviceId()))
                .filter(a -> a.start().equals(wanted.start().toInstant()))
                .filter(a -> wanted.staffId() == null || wanted.staffId().equals(a.staffId()))
                .filter(a -> !told.contains(a.id()))
                .findFirst();
    }
}
