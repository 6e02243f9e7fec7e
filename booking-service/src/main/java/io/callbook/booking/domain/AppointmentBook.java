package io.callbook.booking.domain;

import io.callbook.booking.domain.WriteConflict.Slot;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Books, moves and changes appointments. Each attempt is its own transaction ({@link AppointmentWriter}), so that
 * after the database refused one the next can run: another staff member, the replay of a concurrent retry with
 * the same Idempotency-Key, or the read that tells the client which slot was in the way. That is why these methods
 * must not run inside a caller's transaction.
 */
@ApplicationScoped
public class AppointmentBook {

    /** The statuses a client may ask for; held and expired are reached only by booking and by time. */
    private static final Set<AppointmentStatus> SETTABLE = Set.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED,
            AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED);

    private final AppointmentWriter writer;
    private final AppointmentQueries queries;
    private final BookingConfig config;

    public AppointmentBook(AppointmentWriter writer, AppointmentQueries queries, BookingConfig config) {
        this.writer = writer;
        this.queries = queries;
        this.config = config;
    }

    /**
     * @param idempotencyKey optional; a retry with the same key and request returns the first result, with the same
     *                       key and another request is refused
     * @throws ProblemException 400/404/422 for a request that cannot be booked, 409 when the slot is taken
     */
    @Transactional(Transactional.TxType.NEVER)
    public BookingResult book(UUID companyId, BookingInput input, String idempotencyKey) {
        BookingCommand command = input.parse();
        String hash = idempotencyKey == null ? null : command.fingerprint();
        if (idempotencyKey != null) {
            Optional<BookingResult> replay = replay(companyId, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Instant now = Instant.now();
        BookingPlan plan = writer.plan(companyId, command, now);
        List<UUID> candidates = plan.staffIds();
        if (command.staffId() == null) {
            Set<UUID> busy = queries.busyStaff(companyId, candidates, plan.slot().blockedFrom(), plan.slot().blockedUntil(), now);
            candidates = candidates.stream().filter(id -> !busy.contains(id)).toList();
        }
        WriteConflict last = null;
        for (UUID staffId : candidates) {
            try {
                return new BookingResult(writer.insert(plan, staffId, idempotencyKey, hash, now), false);
            } catch (WriteConflict conflict) {
                // The request that beat this one may have been this one's own retry.
                if (idempotencyKey != null) {
                    Optional<BookingResult> replay = replay(companyId, idempotencyKey, hash);
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                }
                if (conflict.kind() != WriteConflict.Kind.SLOT_TAKEN) {
                    throw problem(companyId, conflict, command.externalRef(), null);
                }
                last = conflict;
            }
        }
        if (command.staffId() != null && last != null) {
            throw problem(companyId, last, command.externalRef(), null);
        }
        Slot slot = plan.slot();
        throw AppointmentProblems.slotTaken(null, slot.start(), slot.end(), slot.blockedFrom(), slot.blockedUntil());
    }

    /**
     * All or nothing: every item is checked before any is written, and one transaction writes them all.
     *
     * @throws ProblemException 422 for an empty or oversized batch or invalid items (each listed with its index),
     *                          409 with the index of the item whose slot was taken
     */
    @Transactional(Transactional.TxType.NEVER)
    public List<Appointment> bookBatch(UUID companyId, List<BookingInput> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw AppointmentProblems.unprocessable("batch-empty", "Empty batch", "A batch needs at least one item");
        }
        if (inputs.size() > config.maxBatchSize()) {
            throw AppointmentProblems.batchTooLarge(inputs.size(), config.maxBatchSize());
        }
        try {
            return writer.insertBatch(companyId, inputs, Instant.now());
        } catch (WriteConflict conflict) {
            BookingInput item = inputs.get(conflict.index());
            throw AppointmentProblems.inBatch(problem(companyId, conflict, item.externalRef(), null), conflict.index());
        }
    }

    /** @param externalRef the appointment's new reference at its source; null keeps the current one */
    @Transactional(Transactional.TxType.NEVER)
    public Appointment reschedule(UUID companyId, UUID id, String start, UUID staffId, String externalRef) {
        Instant newStart = BookingInput.instant(start, "start");
        String newRef = BookingInput.externalRef(externalRef);
        try {
            return writer.reschedule(companyId, id, newStart, staffId, newRef, Instant.now());
        } catch (WriteConflict conflict) {
            throw problem(companyId, conflict, newRef, id);
        }
    }

    public Appointment cancel(UUID companyId, UUID id, String reason) {
        if (reason != null && reason.length() > 500) {
            throw BookingInput.invalid("reason must be at most 500 characters");
        }
        return writer.changeStatus(companyId, id, AppointmentStatus.CANCELLED,
                reason == null || reason.isBlank() ? null : reason.strip(), Instant.now());
    }

    public Appointment confirm(UUID companyId, UUID id) {
        return writer.changeStatus(companyId, id, AppointmentStatus.CONFIRMED, null, Instant.now());
    }

    /** @param status one of pending, confirmed, completed, no_show, cancelled */
    public Appointment changeStatus(UUID companyId, UUID id, String status, String reason) {
        AppointmentStatus next = parseStatus(status);
        if (next == AppointmentStatus.CANCELLED) {
            return cancel(companyId, id, reason);
        }
        if (!SETTABLE.contains(next)) {
            throw AppointmentProblems.unprocessable("status-not-settable", "Status not settable",
                    "'" + next.dbValue() + "' is reached by booking or by time, not set; settable are "
                            + SETTABLE.stream().map(AppointmentStatus::dbValue).sorted().collect(Collectors.joining(", ")));
        }
        return writer.changeStatus(companyId, id, next, null, Instant.now());
    }

    public static AppointmentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            throw BookingInput.invalid("status is required");
        }
        try {
            return AppointmentStatus.fromDb(status.strip());
        } catch (IllegalArgumentException e) {
            throw BookingInput.invalid("status must be one of " + Arrays.stream(AppointmentStatus.values())
                    .map(AppointmentStatus::dbValue).collect(Collectors.joining(", ")));
        }
    }

    private Optional<BookingResult> replay(UUID companyId, String key, String hash) {
        return queries.byIdempotencyKey(companyId, key).map(existing -> {
            if (!hash.equals(existing.requestHash)) {
                throw AppointmentProblems.idempotencyKeyReused(key);
            }
            return new BookingResult(existing, true);
        });
    }

    /** Read after the refused transaction ended: the winner has committed by the time the database refuses the loser. */
    private ProblemException problem(UUID companyId, WriteConflict conflict, String externalRef, UUID self) {
        Slot wanted = conflict.slot();
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
