package io.callbook.booking.appointment.api;

import io.callbook.booking.appointment.domain.AppointmentNotFound;
import io.callbook.booking.appointment.domain.AppointmentRefused;
import io.callbook.booking.appointment.domain.BatchInvalid;
import io.callbook.booking.appointment.domain.BatchItemFailed;
import io.callbook.booking.appointment.domain.BatchTooLarge;
import io.callbook.booking.appointment.domain.BookedTime;
import io.callbook.booking.appointment.domain.BookingRuleBroken;
import io.callbook.booking.appointment.domain.ExternalRefTaken;
import io.callbook.booking.appointment.domain.IdempotencyKeyInUse;
import io.callbook.booking.appointment.domain.IdempotencyKeyReused;
import io.callbook.booking.appointment.domain.IllegalTransition;
import io.callbook.booking.appointment.domain.InvalidBookingValue;
import io.callbook.booking.appointment.domain.NotReschedulable;
import io.callbook.booking.appointment.domain.SlotTaken;
import io.callbook.booking.appointment.domain.UnknownBookingTarget;
import io.callbook.booking.branch.domain.BranchNotFound;
import io.callbook.booking.customer.domain.CustomerNotFound;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.api.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The errors of the appointment API, each with a stable type a client can branch on. */
public class AppointmentExceptionMappers {

    @ServerExceptionMapper
    public Response refused(AppointmentRefused e, HttpServerRequest request) {
        return ProblemResponses.of(problem(e), request);
    }

    static Problem problem(RuntimeException e) {
        return switch (e) {
            case AppointmentNotFound notFound -> ProblemException.notFound("Appointment " + notFound.id()).problem();
            case UnknownBookingTarget unknown -> ProblemException.notFound(unknown.what()).problem();
            case SlotTaken taken -> slotTaken(taken);
            case ExternalRefTaken taken -> Problem.of(409, "external-ref-taken", "Already booked",
                            "The calendar booking '" + taken.externalRef() + "' is already appointment " + taken.existing())
                    .with("appointmentId", taken.existing() == null ? null : taken.existing().toString());
            case IdempotencyKeyReused reused -> Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "Idempotency-Key '" + reused.key() + "' was already used for a different request; use a new key "
                            + "for a new booking");
            case IdempotencyKeyInUse inUse -> Problem.of(409, "conflict", "Conflict",
                    "A concurrent request with the same Idempotency-Key is still being processed; retry shortly");
            case IllegalTransition illegal -> Problem.of(409, "illegal-transition", "Status change not allowed",
                            "Appointment " + illegal.id() + " is " + illegal.current().dbValue() + " and cannot become "
                                    + illegal.requested().dbValue())
                    .with("currentStatus", illegal.current().dbValue())
                    .with("requestedStatus", illegal.requested().dbValue());
            case NotReschedulable fixed -> Problem.of(409, "not-reschedulable", "Appointment cannot be moved",
                            "Appointment " + fixed.id() + " is " + fixed.current().dbValue()
                                    + "; only held, pending or confirmed appointments can be moved")
                    .with("currentStatus", fixed.current().dbValue());
            case BookingRuleBroken broken -> Problem.of(422, broken.rule(), broken.title(), broken.detail());
            case BatchTooLarge large -> Problem.of(422, "batch-too-large", "Batch too large",
                    "A batch may book at most " + large.max() + " appointments, this one has " + large.size())
                    .with("maxItems", large.max());
            case InvalidBookingValue invalid -> Problem.of(400, "invalid-request", "Invalid request", invalid.detail());
            case BatchInvalid invalid -> batchInvalid(invalid);
            case BatchItemFailed failed -> inBatch(problem(failed.failure()), failed.index());
            case BranchNotFound notFound -> ProblemException.notFound("Branch " + notFound.branchId()).problem();
            case CustomerNotFound notFound -> ProblemException.notFound("Customer " + notFound.customerId()).problem();
            case ProblemException other -> other.problem();
            default -> throw e;
        };
    }

    /**
     * 409 naming the slot that was in the way: the conflicting appointment's times when it could be read, else the
     * requested ones.
     */
    private static Problem slotTaken(SlotTaken taken) {
        BookedTime time = taken.time();
        Map<String, Object> conflict = new LinkedHashMap<>();
        conflict.put("staffId", taken.staffId() == null ? null : taken.staffId().toString());
        conflict.put("start", time.start().toString());
        conflict.put("end", time.end().toString());
        conflict.put("blockedFrom", time.blockedFrom().toString());
        conflict.put("blockedUntil", time.blockedUntil().toString());
        String who = taken.staffId() == null ? "No staff member who performs this service is"
                : "Staff member " + taken.staffId() + " is not";
        return Problem.of(409, "slot-taken", "Slot taken",
                        who + " free from " + time.start() + " to " + time.end() + " (buffers included); choose another time")
                .with("conflict", conflict);
    }

    /** One entry per failing batch item, so a client can fix them all at once. */
    private static Problem batchInvalid(BatchInvalid invalid) {
        List<Map<String, Object>> errors = new ArrayList<>();
        invalid.failures().forEach((index, failure) -> {
            Problem problem = problem(failure);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("index", index);
            error.put("status", problem.status());
            error.put("type", problem.type().toString());
            error.put("detail", problem.detail());
            errors.add(error);
        });
        return Problem.of(422, "batch-invalid", "Invalid batch",
                errors.size() + " item(s) cannot be booked; nothing was written").with("errors", errors);
    }

    /** A conflict inside a batch: which item failed and what it ran into. */
    private static Problem inBatch(Problem p, int index) {
        return new Problem(p.type(), p.title(), p.status(), "Item " + index + ": " + p.detail(), p.instance(),
                p.requestId(), p.extensions()).with("index", index);
    }
}
