package io.callbook.common.contracts.booking;

/** Topic and event types of appointments (booking-service); {@link AppointmentData} is every event's data. */
public final class BookingEvents {

    public static final String TOPIC = "callbook.booking.v1";

    public static final String APPOINTMENT_HELD = "io.callbook.booking.appointment.held";
    public static final String APPOINTMENT_BOOKED = "io.callbook.booking.appointment.booked";
    public static final String APPOINTMENT_RESCHEDULED = "io.callbook.booking.appointment.rescheduled";
    public static final String APPOINTMENT_CANCELLED = "io.callbook.booking.appointment.cancelled";
    /** Confirmed, completed or no-show: the slot stays as it was. */
    public static final String APPOINTMENT_STATUS_CHANGED = "io.callbook.booking.appointment.status-changed";
    /** A hold that was neither confirmed nor cancelled in time; its slot is free again. */
    public static final String APPOINTMENT_HOLD_EXPIRED = "io.callbook.booking.appointment.hold-expired";

    private BookingEvents() {
    }
}
