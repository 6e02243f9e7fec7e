package io.callbook.booking.appointment.domain;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The database refused a write because another row already holds what it wanted: the staff member's time
 * (exclusion constraint), an Idempotency-Key or a calendar uid. Thrown out of the failed transaction so the caller
 * can decide in a fresh one: replay an idempotent request, try the next staff member, or answer 409.
 */
public class WriteConflict extends RuntimeException {

    /** SQLState of an exclusion-constraint violation. */
    static final String EXCLUSION_VIOLATION = "23P01";
    static final String UNIQUE_VIOLATION = "23505";

    public enum Kind {
        /** appointments_no_overlap: the staff member is taken at that time. */
        SLOT_TAKEN,
        /** appointments_idempotency_idx: a concurrent request with the same key won. */
        IDEMPOTENCY_KEY,
        /** appointments_calendar_uid_idx: this calendar booking uid is already an appointment. */
        EXTERNAL_REF
    }

    private final Kind kind;
    private final UUID staffId;
    private final BookedTime time;
    private final int index;

    WriteConflict(Kind kind, UUID staffId, BookedTime time, int index, Throwable cause) {
        super(kind + " for staff " + staffId + " at " + time, cause, false, false);
        this.kind = kind;
        this.staffId = staffId;
        this.time = time;
        this.index = index;
    }

    /**
     * @return the conflict the exception stands for, or empty when it is some other failure (which then propagates
     * unchanged)
     */
    static Optional<WriteConflict> of(PersistenceException e, UUID staffId, BookedTime time, int index) {
        String state = null;
        String constraint = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                constraint = constraint == null ? violation.getConstraintName() : constraint;
                state = state == null ? violation.getSQLState() : state;
            }
            if (t instanceof SQLException sql) {
                // Batched statements report the server's error as the next exception of a BatchUpdateException.
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    state = state == null || state.isEmpty() ? s.getSQLState() : state;
                    constraint = constraint == null ? constraintIn(s.getMessage()) : constraint;
                }
            }
        }
        if (EXCLUSION_VIOLATION.equals(state) || "appointments_no_overlap".equals(constraint)) {
            return Optional.of(new WriteConflict(Kind.SLOT_TAKEN, staffId, time, index, e));
        }
        if (UNIQUE_VIOLATION.equals(state) && constraint != null) {
            if (constraint.contains("appointments_idempotency_idx")) {
                return Optional.of(new WriteConflict(Kind.IDEMPOTENCY_KEY, staffId, time, index, e));
            }
            if (constraint.contains("appointments_calendar_uid_idx")) {
                return Optional.of(new WriteConflict(Kind.EXTERNAL_REF, staffId, time, index, e));
            }
        }
        return Optional.empty();
    }

    private static String constraintIn(String message) {
        if (message == null) {
            return null;
        }
        for (String name : new String[]{"appointments_no_overlap", "appointments_idempotency_idx", "appointments_calendar_uid_idx"}) {
            if (message.contains("\"" + name + "\"")) {
                return name;
            }
        }
        return null;
    }

    public Kind kind() {
        return kind;
    }

    public UUID staffId() {
        return staffId;
    }

    /** The time the failed write asked for. */
    public BookedTime time() {
        return time;
    }

    /** The batch item that failed, or -1 outside a batch. */
    public int index() {
        return index;
    }
}
