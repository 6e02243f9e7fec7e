package io.callbook.booking.appointment.domain;

/**
 * A request the appointment rules refuse. Domain code says what was refused and why; the api package decides how a
 * client is told (AppointmentExceptionMappers).
 */
public abstract class AppointmentRefused extends RuntimeException {

    protected AppointmentRefused(String message) {
        super(message, null, false, false);
    }
}
