package io.callbook.booking.schedule.domain;

import io.callbook.booking.catalog.domain.HoursKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Loads the working time {@link SlotCalculator} needs for a branch, a service and a range of dates in a fixed number
 * of queries, however many staff members and days: their weekly hours, overrides and time off, each one query over
 * all of them ({@code in} lists), no query per staff member or day. Their appointments are availability's to add.
 */
@ApplicationScoped
public class StaffSchedules {

    private final EntityManager entityManager;

    public StaffSchedules(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Who a schedule is for: everyone at the branch who performs the service, or one of them. Queries name them by
     * this subquery rather than by a list of ids: Hibernate translates a query with a list parameter anew on every
     * execution (a tenth of availability's CPU), while this form is translated once and cached.
     */
    public static final String PERFORMERS = """
            select s.id from Staff s join s.serviceIds service
            where s.companyId = :company and s.branchId = :branch and service = :service
              and s.active = true and s.deletedAt is null and (:staff is null or s.id = :staff)""";

    /**
     * Working hours, date overrides and time off of the branch's performers of the service (or of just one of them),
     * without their appointments: what a booking must fit into (the exclusion constraint, not this read, keeps
     * appointments apart). Three queries.
     *
     * @param staffId one performer, or null for all of them
     */
    @Transactional
    public SlotCalculator.Schedule hours(UUID companyId, UUID branchId, UUID serviceId, UUID staffId, ZoneId zone,
                                         LocalDate first, LocalDate last) {
        // Working time of a date lies within that date, so nothing outside these instants can matter.
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant until = last.plusDays(1).atStartOfDay(zone).toInstant();

        List<SlotCalculator.WeeklyRule> weekly = entityManager.createQuery("""
                        select w.staffId, w.dayOfWeek, w.kind, w.startTime, w.endTime from WeeklyHours w
                        where w.companyId = :company and w.staffId in (""" + PERFORMERS + ")", Object[].class)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("service", serviceId)
                .setParameter("staff", staffId)
                .getResultList().stream()
                .map(StaffSchedules::weeklyRule)
                .toList();

        List<SlotCalculator.DateRule> overrides = entityManager.createQuery("""
                        select o.staffId, o.onDate, o.kind, o.startTime, o.endTime from HoursOverride o
                        where o.companyId = :company and o.onDate between :first and :last and o.staffId in (""" + PERFORMERS + ")",
                        Object[].class)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("service", serviceId)
                .setParameter("staff", staffId)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList().stream()
                .map(StaffSchedules::dateRule)
                .toList();

        // Staff time off carries the staff member's branch, so the branch index finds both kinds.
        List<SlotCalculator.Absence> absences = entityManager.createQuery("""
                        select t.staffId, t.startsAt, t.endsAt from TimeOff t
                        where t.companyId = :company and t.branchId = :branch
                          and t.startsAt < :until and t.endsAt > :from
                          and (t.staffId is null or t.staffId in (""" + PERFORMERS + "))", Object[].class)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("service", serviceId)
                .setParameter("staff", staffId)
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList().stream()
                .map(StaffSchedules::absence)
                .toList();

        return new SlotCalculator.Schedule(zone, staffId == null ? List.of() : List.of(staffId), weekly, overrides,
                absences, List.of());
    }

    /**
     * @throws StaffNotAtBranch   when the staff member is not one of the branch's
     * @throws ScheduleRuleBroken when they cannot take the service (inactive, or not performing it)
     */
    public void requireBookable(UUID companyId, UUID branchId, UUID staffId, UUID serviceId) {
        List<Object[]> rows = entityManager.createQuery("""
                        select s.active, (case when :service member of s.serviceIds then true else false end) from Staff s
                        where s.id = :staff and s.companyId = :company and s.branchId = :branch and s.deletedAt is null""",
                        Object[].class)
                .setParameter("service", serviceId)
                .setParameter("staff", staffId)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new StaffNotAtBranch(staffId);
        }
        if (!Boolean.TRUE.equals(rows.get(0)[0])) {
            throw new ScheduleRuleBroken("staff-inactive", "Staff member inactive",
                    "Staff " + staffId + " is inactive and takes no bookings");
        }
        if (!Boolean.TRUE.equals(rows.get(0)[1])) {
            throw new ScheduleRuleBroken("staff-lacks-service", "Staff member does not perform the service",
                    "Staff " + staffId + " does not perform service " + serviceId);
        }
    }

    /** A row of {@code select staffId, dayOfWeek, kind, startTime, endTime from WeeklyHours}. */
    static SlotCalculator.WeeklyRule weeklyRule(Object[] row) {
        return new SlotCalculator.WeeklyRule((UUID) row[0], DayOfWeek.of((Short) row[1]), (HoursKind) row[2],
                (LocalTime) row[3], (LocalTime) row[4]);
    }

    /** A row of {@code select staffId, onDate, kind, startTime, endTime from HoursOverride}. */
    static SlotCalculator.DateRule dateRule(Object[] row) {
        return new SlotCalculator.DateRule((UUID) row[0], (LocalDate) row[1], (HoursKind) row[2], (LocalTime) row[3],
                (LocalTime) row[4]);
    }

    /** A row of {@code select staffId, startsAt, endsAt from TimeOff}. */
    static SlotCalculator.Absence absence(Object[] row) {
        return new SlotCalculator.Absence((UUID) row[0], (Instant) row[1], (Instant) row[2]);
    }
}
