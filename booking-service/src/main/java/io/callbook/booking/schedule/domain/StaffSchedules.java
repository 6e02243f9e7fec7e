package io.callbook.booking.schedule.domain;

import io.callbook.booking.catalog.domain.HoursKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Loads the working time {@link SlotCalculator} needs for a branch, a service and a range of dates in one statement,
 * however many staff members and days: their weekly hours, overrides and time off, no query per staff member, day or
 * kind of rule. Their appointments are availability's to add.
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
     * {@link #PERFORMERS} in SQL, the performers themselves and the three kinds of rule in one result: a column a kind
     * has not is null. Staff time off carries the staff member's branch, so the branch index finds both kinds of time
     * off. Times of day come as seconds: read as SQL {@code time} they go through {@code java.sql.Time} and a
     * {@code Calendar} each, a third of this statement's CPU for a branch's few hundred rules.
     */
    private static final String HOURS = """
            with performers as (
                select s.id from staff s join staff_services ss on ss.staff_id = s.id
                where s.company_id = :company and s.branch_id = :branch and ss.service_id = :service
                  and s.active and s.deleted_at is null
                  and (cast(:staff as uuid) is null or s.id = cast(:staff as uuid)))
            select 'weekly' as rule, w.staff_id, w.day_of_week, null::date as on_date, w.kind,
                   floor(extract(epoch from w.start_time))::int as start_second,
                   floor(extract(epoch from w.end_time))::int as end_second,
                   null::timestamptz as starts_at, null::timestamptz as ends_at
            from weekly_hours w
            where w.company_id = :company and w.staff_id in (select id from performers)
            union all
            select 'override', o.staff_id, null, o.on_date, o.kind,
                   floor(extract(epoch from o.start_time))::int, floor(extract(epoch from o.end_time))::int, null, null
            from hours_overrides o
            where o.company_id = :company and o.on_date between :first and :last
              and o.staff_id in (select id from performers)
            union all
            select 'away', t.staff_id, null, null, null, null, null, t.starts_at, t.ends_at
            from time_off t
            where t.company_id = :company and t.branch_id = :branch and t.starts_at < :until and t.ends_at > :from
              and (t.staff_id is null or t.staff_id in (select id from performers))
            union all
            select 'performer', p.id, null, null, null, null, null, null, null from performers p""";

    /**
     * The branch's performers of the service (or just the one asked for, if they perform it) with their working
     * hours, date overrides and time off, without their appointments: what a booking must fit into (the exclusion
     * constraint, not this read, keeps appointments apart). One statement: every booking and every uncached
     * availability answer reads this, and each round trip costs the service more CPU than the database spends on these
     * few rows.
     *
     * @param staffId one performer, or null for all of them
     */
    @Transactional
    public SlotCalculator.Schedule hours(UUID companyId, UUID branchId, UUID serviceId, UUID staffId, ZoneId zone,
                                         LocalDate first, LocalDate last) {
        // Working time of a date lies within that date, so nothing outside these instants can matter.
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant until = last.plusDays(1).atStartOfDay(zone).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(HOURS).unwrap(NativeQuery.class)
                .addScalar("rule", String.class)
                .addScalar("staff_id", UUID.class)
                .addScalar("day_of_week", Short.class)
                .addScalar("on_date", LocalDate.class)
                .addScalar("kind", String.class)
                .addScalar("start_second", Integer.class)
                .addScalar("end_second", Integer.class)
                .addScalar("starts_at", Instant.class)
                .addScalar("ends_at", Instant.class)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("service", serviceId)
                .setParameter("staff", staffId, UUID.class)
                .setParameter("first", first)
                .setParameter("last", last)
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList();
        List<SlotCalculator.WeeklyRule> weekly = new ArrayList<>();
        List<SlotCalculator.DateRule> overrides = new ArrayList<>();
        List<SlotCalculator.Absence> absences = new ArrayList<>();
        List<UUID> performers = new ArrayList<>();
        for (Object[] row : rows) {
            switch ((String) row[0]) {
                case "performer" -> performers.add((UUID) row[1]);
                case "weekly" -> weekly.add(new SlotCalculator.WeeklyRule((UUID) row[1], DayOfWeek.of((Short) row[2]),
                        HoursKind.ofDbValue((String) row[4]), timeOfDay(row[5]), timeOfDay(row[6])));
                case "override" -> overrides.add(new SlotCalculator.DateRule((UUID) row[1], (LocalDate) row[3],
                        HoursKind.ofDbValue((String) row[4]), timeOfDay(row[5]), timeOfDay(row[6])));
                default -> absences.add(new SlotCalculator.Absence((UUID) row[1], (Instant) row[7], (Instant) row[8]));
            }
        }
        return new SlotCalculator.Schedule(zone, performers, weekly, overrides, absences, List.of());
    }

    /** Whole seconds, as {@code java.sql.Time} gave them; SQL's 24:00, which {@code LocalTime} has not, ends the day. */
    private static LocalTime timeOfDay(Object second) {
        int seconds = (Integer) second;
        return seconds == 86_400 ? LocalTime.MAX : LocalTime.ofSecondOfDay(seconds);
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
