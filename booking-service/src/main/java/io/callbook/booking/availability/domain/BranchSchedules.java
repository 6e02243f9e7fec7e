package io.callbook.booking.availability.domain;

import io.callbook.booking.appointment.domain.AppointmentStatus;
import io.callbook.booking.schedule.domain.SlotCalculator;
import io.callbook.booking.schedule.domain.StaffSchedules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.callbook.booking.appointment.domain.AppointmentQueries.LIVE_STATUSES;
import static io.callbook.booking.appointment.domain.AppointmentQueries.bindLive;
import static io.callbook.booking.schedule.domain.StaffSchedules.PERFORMERS;

/**
 * Loads what {@link SlotCalculator} needs for a branch, a service and a range of dates in two statements, however
 * many staff members and days: the staff with their weekly hours, overrides and time off
 * ({@link StaffSchedules#hours}), then their appointments; no query per staff member or day.
 */
@ApplicationScoped
public class BranchSchedules {

    /** The longest a service plus its buffers can take (schema: duration ≤ 1440 min, each buffer ≤ 240 min). */
    private static final Duration LONGEST_BOOKING = Duration.ofMinutes(1440 + 240);
    private static final Duration LONGEST_BUFFER = Duration.ofMinutes(240);

    private final EntityManager entityManager;
    private final StaffSchedules schedules;

    public BranchSchedules(EntityManager entityManager, StaffSchedules schedules) {
        this.entityManager = entityManager;
        this.schedules = schedules;
    }

    /** One read-only transaction: one connection and one snapshot for all the queries. */
    @Transactional
    public SlotCalculator.Schedule load(UUID companyId, UUID branchId, UUID serviceId, ZoneId zone,
                                        LocalDate first, LocalDate last) {
        SlotCalculator.Schedule hours = schedules.hours(companyId, branchId, serviceId, null, zone, first, last);
        if (hours.staffIds().isEmpty()) {
            return hours;
        }
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant until = last.plusDays(1).atStartOfDay(zone).toInstant();
        // The starts_at bounds only let the (company, staff, starts_at) index narrow the scan; blocked times decide.
        List<SlotCalculator.Booking> bookings = bindLive(entityManager.createQuery("""
                        select a.staffId, a.blockedFrom, a.blockedUntil, a.status, a.holdExpiresAt from Appointment a
                        where a.companyId = :company and a.staffId in (""" + PERFORMERS + """
                        ) and a.status in """ + LIVE_STATUSES + """
                          and a.startsAt > :startsAfter and a.startsAt < :startsBefore
                          and a.blockedFrom < :until and a.blockedUntil > :from""", Object[].class))
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("service", serviceId)
                .setParameter("staff", null)
                .setParameter("startsAfter", from.minus(LONGEST_BOOKING))
                .setParameter("startsBefore", until.plus(LONGEST_BUFFER))
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList().stream()
                .map(row -> new SlotCalculator.Booking((UUID) row[0], (Instant) row[1], (Instant) row[2],
                        row[3] == AppointmentStatus.HELD ? (Instant) row[4] : null))
                .toList();
        return new SlotCalculator.Schedule(zone, hours.staffIds(), hours.weekly(), hours.overrides(), hours.absences(),
                bookings);
    }
}
