package io.callbook.booking.appointment.domain;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
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
    public ProblemException problem(UUID companyId, WriteConflict conflict, String externalRef, UUID self) {
        BookedTime wanted = conflict.time();
        return switch (conflict.kind()) {
            case SLOT_TAKEN -> conflict.staffId() == null
                    ? AppointmentProblems.slotTaken(null, wanted.start(), wanted.end(), wanted.blockedFrom(), wanted.blockedUntil())
                    : queries.blocking(companyId, conflict.staffId(), wanted.blockedFrom(), wanted.blockedUntil(), self)
                            .map(a -> AppointmentProblems.slotTaken(a.staffId, a.startsAt, a.endsAt, a.blockedFrom, a.blockedUntil))
                            .orElseGet(() -> AppointmentProblems.slotTaken(conflict.staffId(), wanted.start(), wanted.end(),
                                    wanted.blockedFrom(), wanted.blockedUntil()));
            case EXTERNAL_REF -> AppointmentProblems.externalRefTaken(externalRef,
                    queries.calendarBooking(companyId, externalRef).map(a -> a.id).orElse(null));
            case IDEMPOTENCY_KEY -> new ProblemException(Problem.of(409, "conflict", "Conflict",
                    "A concurrent request with the same Idempotency-Key is still being processed; retry shortly"));
        };
    }
}
