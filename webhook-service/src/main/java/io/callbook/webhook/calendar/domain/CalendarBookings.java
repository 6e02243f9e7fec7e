package io.callbook.webhook.calendar.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * What calendar sync asks of booking-service: appointments of source {@code calendar} whose external reference is the
 * calendar's booking uid. A request booking-service refuses (4xx) surfaces as {@link BookingRefused}; any other
 * failure (timeout, outage, open circuit) as another runtime exception, worth retrying.
 */
public interface CalendarBookings {

    /** The appointment a calendar booking uid refers to, whatever its status. */
    Optional<CalendarAppointment> findCalendarBooking(UUID companyId, String uid);

    /** @param idempotencyKey the same key and request return the appointment booked the first time */
    CalendarAppointment bookCalendarBooking(NewCalendarAppointment appointment, String idempotencyKey);

    /** Moves the appointment and gives it the calendar's new uid, so later events find it by that uid. */
    CalendarAppointment moveCalendarBooking(UUID companyId, UUID appointmentId, OffsetDateTime start, String uid);

    /** Cancelling a cancelled appointment changes nothing. */
    CalendarAppointment cancelCalendarBooking(UUID companyId, UUID appointmentId, String reason);

    /**
     * @param staffId       null: any free staff member of the branch
     * @param customerPhone null books without a customer (the attendee gave no phone number)
     */
    record NewCalendarAppointment(UUID companyId, UUID branchId, UUID serviceId, UUID staffId, OffsetDateTime start,
                                  String customerPhone, String customerName, String customerEmail, String notes,
                                  String uid) {
    }

    record CalendarAppointment(UUID id, String status, Instant start, String uid) {
    }
}
