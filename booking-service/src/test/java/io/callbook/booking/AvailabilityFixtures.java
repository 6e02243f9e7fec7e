package io.callbook.booking;

import io.callbook.booking.appointment.domain.Appointment;
import io.callbook.booking.appointment.domain.AppointmentStatus;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.HoursKind;
import io.callbook.booking.catalog.domain.HoursOverride;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.booking.schedule.domain.TimeOff;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** What availability tests add to {@link BookingFixtures}' catalog: overrides, time off, appointments. */
@ApplicationScoped
public class AvailabilityFixtures {

    public void override(Staff staff, LocalDate date, HoursKind kind, String start, String end) {
        QuarkusTransaction.requiringNew().run(() -> {
            HoursOverride override = new HoursOverride();
            override.companyId = staff.companyId;
            override.staffId = staff.id;
            override.onDate = date;
            override.kind = kind;
            override.startTime = LocalTime.parse(start);
            override.endTime = LocalTime.parse(end);
            override.persist();
        });
    }

    /** Time off of the staff member, or of the whole branch when {@code staff} is null. */
    public void timeOff(UUID companyId, UUID branchId, Staff staff, Instant from, Instant until) {
        QuarkusTransaction.requiringNew().run(() -> {
            TimeOff off = new TimeOff();
            off.companyId = companyId;
            off.branchId = branchId;
            off.staffId = staff == null ? null : staff.id;
            off.startsAt = from;
            off.endsAt = until;
            off.reason = "test";
            off.persist();
        });
    }

    /** An appointment row as the booking code would write it (blocked times = start/end plus the service's buffers). */
    public Appointment appointment(BookableService service, Staff staff, Instant start, AppointmentStatus status,
                                   Instant holdExpiresAt) {
        return QuarkusTransaction.requiringNew().call(() -> appointmentInCurrentTransaction(service, staff, start, status,
                holdExpiresAt));
    }

    /** For tests that fire their own event in the same transaction. */
    public Appointment appointmentInCurrentTransaction(BookableService service, Staff staff, Instant start,
                                                      AppointmentStatus status, Instant holdExpiresAt) {
        Appointment appointment = new Appointment();
        appointment.companyId = staff.companyId;
        appointment.branchId = staff.branchId;
        appointment.serviceId = service.id;
        appointment.staffId = staff.id;
        appointment.startsAt = start;
        appointment.endsAt = start.plus(Duration.ofMinutes(service.durationMinutes));
        appointment.blockedFrom = appointment.startsAt.minus(Duration.ofMinutes(service.bufferBeforeMinutes));
        appointment.blockedUntil = appointment.endsAt.plus(Duration.ofMinutes(service.bufferAfterMinutes));
        appointment.status = status;
        appointment.holdExpiresAt = holdExpiresAt;
        appointment.persist();
        return appointment;
    }

    public void deactivate(BookableService service) {
        QuarkusTransaction.requiringNew().run(() -> BookableService.update("active = false where id = ?1", service.id));
    }
}
