package io.callbook.booking.appointment.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** What a client is told when the database refused a write: which appointment was in the way, or which key or uid. */
@ApplicationScoped
public class WriteConflicts {

    private final AppointmentQueries queries;

    public WriteConflicts(AppointmentQueries queries) {
        this.queries = queries;
    }

    /**
     * Read after the refused transaction ended: the winner has committed by the time the database refuses the loser.
     *
     * @param self the appointment being moved, which does not stand in its own way
     */
    public AppointmentRefused refusal(UUID companyId, WriteConflict conflict, String externalRef, UUID self) {
        BookedTime wanted = conflict.time();
        return switch (conflict.kind()) {
            case SLOT_TAKEN -> conflict.staffId() == null
                    ? new SlotTaken(null, wanted)
                    : queries.blocking(companyId, conflict.staffId(), wanted.blockedFrom(), wanted.blockedUntil(), self)
                            .map(a -> new SlotTaken(a.staffId, new BookedTime(a.startsAt, a.endsAt, a.blockedFrom, a.blockedUntil)))
                            .orElseGet(() -> new SlotTaken(conflict.staffId(), wanted));
            case EXTERNAL_REF -> new ExternalRefTaken(externalRef,
                    queries.calendarBooking(companyId, externalRef).map(a -> a.id).orElse(null));
            case IDEMPOTENCY_KEY -> new IdempotencyKeyInUse();
        };
    }
}
