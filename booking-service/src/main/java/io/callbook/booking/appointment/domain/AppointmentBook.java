package io.callbook.booking.appointment.domain;

import io.callbook.booking.BookingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Moves and changes appointments, and books batches (single bookings: {@link BookAppointmentHandler}). A move or batch
 * is its own transaction ({@link AppointmentWriter}), so that after the database refused it the problem can be read
 * in a fresh one; that is why these methods must not run inside a caller's transaction.
 */
@ApplicationScoped
public class AppointmentBook {

    /** The statuses a client may ask for; held and expired are reached only by booking and by time. */
    private static final Set<AppointmentStatus> SETTABLE = Set.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED,
            AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED);

    private final AppointmentWriter writer;
    private final WriteConflicts conflicts;
    private final BookingConfig config;

    public AppointmentBook(AppointmentWriter writer, WriteConflicts conflicts, BookingConfig config) {
        this.writer = writer;
        this.conflicts = conflicts;
        this.config = config;
    }

    /**
     * All or nothing: every item is checked before any is written, and one transaction writes them all.
     *
     * @param items each parses its command when asked, so malformed items are listed with the others
     * @throws BookingRuleBroken for an empty batch
     * @throws BatchTooLarge     for an oversized one
     * @throws BatchInvalid      listing each invalid item
     * @throws BatchItemFailed   naming the item whose time was taken
     */
    @Transactional(Transactional.TxType.NEVER)
    public List<Appointment> bookBatch(UUID companyId, List<Supplier<BookAppointment>> items) {
        if (items == null || items.isEmpty()) {
            throw new BookingRuleBroken("batch-empty", "Empty batch", "A batch needs at least one item");
        }
        if (items.size() > config.maxBatchSize()) {
            throw new BatchTooLarge(items.size(), config.maxBatchSize());
        }
        try {
            return writer.insertBatch(companyId, items, Instant.now());
        } catch (WriteConflict conflict) {
            BookAppointment item = items.get(conflict.index()).get();
            throw new BatchItemFailed(conflict.index(),
                    conflicts.refusal(companyId, conflict, item.externalRef(), null));
        }
    }

    /** @param externalRef the appointment's new reference at its source; null keeps the current one */
    @Transactional(Transactional.TxType.NEVER)
    public Appointment reschedule(UUID companyId, UUID id, String start, UUID staffId, String externalRef) {
        Instant newStart = RequestValues.instant(start, "start");
        String newRef = RequestValues.externalRef(externalRef);
        try {
            return writer.reschedule(companyId, id, newStart, staffId, newRef, Instant.now());
        } catch (WriteConflict conflict) {
            throw conflicts.refusal(companyId, conflict, newRef, id);
        }
    }

    public Appointment cancel(UUID companyId, UUID id, String reason) {
        if (reason != null && reason.length() > 500) {
            throw new InvalidBookingValue("reason must be at most 500 characters");
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
            throw new BookingRuleBroken("status-not-settable", "Status not settable",
                    "'" + next.dbValue() + "' is reached by booking or by time, not set; settable are "
                            + SETTABLE.stream().map(AppointmentStatus::dbValue).sorted().collect(Collectors.joining(", ")));
        }
        return writer.changeStatus(companyId, id, next, null, Instant.now());
    }

    public static AppointmentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            throw new InvalidBookingValue("status is required");
        }
        try {
            return AppointmentStatus.fromDb(status.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidBookingValue("status must be one of " + Arrays.stream(AppointmentStatus.values())
                    .map(AppointmentStatus::dbValue).collect(Collectors.joining(", ")));
        }
    }
}
