package io.callbook.booking.appointment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Books one appointment. Each attempt is one transaction ({@link AppointmentWriter#book}); after the database refused
 * one, the next runs in a fresh transaction: another staff member when any may take it, the replay of a concurrent
 * retry with the same Idempotency-Key, or the read that tells the client what was in the way. That is why this must
 * not run inside a caller's transaction.
 */
@ApplicationScoped
public class BookAppointmentHandler {

    private final AppointmentWriter writer;
    private final AppointmentQueries queries;
    private final WriteConflicts conflicts;

    public BookAppointmentHandler(AppointmentWriter writer, AppointmentQueries queries, WriteConflicts conflicts) {
        this.writer = writer;
        this.queries = queries;
        this.conflicts = conflicts;
    }

    /**
     * @param idempotencyKey optional; a retry with the same key and command returns the first result, with the same
     *                       key and another command is refused
     * @throws AppointmentRefused when the command cannot be booked or the time is taken
     */
    @Transactional(Transactional.TxType.NEVER)
    public BookingResult handle(UUID companyId, BookAppointment command, String idempotencyKey) {
        String hash = idempotencyKey == null ? null : command.fingerprint();
        if (idempotencyKey != null) {
            Optional<BookingResult> replay = replay(companyId, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Instant now = Instant.now();
        Set<UUID> taken = new HashSet<>();
        while (true) {
            try {
                return new BookingResult(writer.book(companyId, command, taken, idempotencyKey, hash, now), false);
            } catch (WriteConflict conflict) {
                // The request that beat this one may have been this one's own retry.
                if (idempotencyKey != null) {
                    Optional<BookingResult> replay = replay(companyId, idempotencyKey, hash);
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                }
                // A staff member who was free when read, but not when written to: try the next one.
                if (conflict.kind() != WriteConflict.Kind.SLOT_TAKEN || command.staffId() != null
                        || conflict.staffId() == null || !taken.add(conflict.staffId())) {
                    throw conflicts.refusal(companyId, conflict, command.externalRef(), null);
                }
            }
        }
    }

    private Optional<BookingResult> replay(UUID companyId, String key, String hash) {
        return queries.byIdempotencyKey(companyId, key).map(existing -> {
            if (!hash.equals(existing.requestHash)) {
                throw new IdempotencyKeyReused(key);
            }
            return new BookingResult(existing, true);
        });
    }
}
