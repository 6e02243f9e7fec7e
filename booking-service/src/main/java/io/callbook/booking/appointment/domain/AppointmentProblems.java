package io.callbook.booking.appointment.domain;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The errors of the appointment API, each with a stable type a client can branch on. */
public final class AppointmentProblems {

    private AppointmentProblems() {
    }

    /**
     * 409 naming the slot that was in the way: the conflicting appointment's times when it could be read, else the
     * requested ones.
     */
    public static ProblemException slotTaken(UUID staffId, Instant start, Instant end, Instant blockedFrom,
                                             Instant blockedUntil) {
        Map<String, Object> conflict = new LinkedHashMap<>();
        conflict.put("staffId", staffId == null ? null : staffId.toString());
        conflict.put("start", start.toString());
        conflict.put("end", end.toString());
        conflict.put("blockedFrom", blockedFrom.toString());
        conflict.put("blockedUntil", blockedUntil.toString());
        String who = staffId == null ? "No staff member who performs this service is" : "Staff member " + staffId + " is";
        return new ProblemException(Problem.of(409, "slot-taken", "Slot taken",
                who + " free from " + start + " to " + end + " (buffers included); choose another time")
                .with("conflict", conflict));
    }

    public static ProblemException idempotencyKeyReused(String key) {
        return ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                "Idempotency-Key '" + key + "' was already used for a different request; use a new key for a new booking");
    }

    public static ProblemException externalRefTaken(String externalRef, UUID existing) {
        return new ProblemException(Problem.of(409, "external-ref-taken", "Already booked",
                "The calendar booking '" + externalRef + "' is already appointment " + existing)
                .with("appointmentId", existing == null ? null : existing.toString()));
    }

    public static ProblemException illegalTransition(UUID id, AppointmentStatus current, AppointmentStatus requested) {
        return new ProblemException(Problem.of(409, "illegal-transition", "Status change not allowed",
                        "Appointment " + id + " is " + current.dbValue() + " and cannot become " + requested.dbValue())
                .with("currentStatus", current.dbValue())
                .with("requestedStatus", requested.dbValue()));
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return ProblemException.unprocessable(slug, title, detail);
    }

    /** One entry per failing batch item, so a client can fix them all at once. */
    public static ProblemException batchInvalid(List<Map<String, Object>> errors) {
        return new ProblemException(Problem.of(422, "batch-invalid", "Invalid batch",
                errors.size() + " item(s) cannot be booked; nothing was written").with("errors", errors));
    }

    public static ProblemException batchTooLarge(int size, int max) {
        return new ProblemException(Problem.of(422, "batch-too-large", "Batch too large",
                "A batch may book at most " + max + " appointments, this one has " + size).with("maxItems", max));
    }

    /** A conflict inside a batch: which item failed and what it ran into. */
    public static ProblemException inBatch(ProblemException problem, int index) {
        Problem p = problem.problem();
        return new ProblemException(new Problem(p.type(), p.title(), p.status(), "Item " + index + ": " + p.detail(),
                p.instance(), p.requestId(), p.extensions()).with("index", index));
    }
}
