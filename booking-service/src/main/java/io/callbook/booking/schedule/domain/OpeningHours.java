package io.callbook.booking.schedule.domain;

import io.callbook.booking.branch.domain.BranchDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A branch's opening hours on a date, as its staff make them: this service keeps no hours of a branch, so a branch is
 * open while at least one of its active staff members is at work (weekly hours or the date's overrides, minus breaks)
 * and not away (their own or branch-wide time off), by {@link SlotCalculator}'s rules. Closed when nobody works.
 * Four queries however many staff members, none per staff member.
 */
@ApplicationScoped
public class OpeningHours {

    /** Every active staff member of the branch, whatever they perform. */
    private static final String BRANCH_STAFF = """
            select s.id from Staff s
            where s.companyId = :company and s.branchId = :branch and s.active = true and s.deletedAt is null""";

    private final EntityManager entityManager;
    private final BranchDirectory branches;

    public OpeningHours(EntityManager entityManager, BranchDirectory branches) {
        this.entityManager = entityManager;
        this.branches = branches;
    }

    /** A half-open range of real time when the branch is open. */
    public record Open(Instant from, Instant until) {
    }

    /** @param open sorted, without overlaps; empty when the branch is closed that day */
    public record Day(UUID branchId, LocalDate date, ZoneId zone, List<Open> open) {
    }

    /** @throws io.callbook.booking.branch.domain.BranchNotFound when the company has no such active branch */
    @Transactional
    public Day on(UUID companyId, UUID branchId, LocalDate date) {
        ZoneId zone = branches.get(companyId, branchId).zone();
        List<UUID> staff = entityManager.createQuery(BRANCH_STAFF + " order by s.id", UUID.class)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .getResultList();
        if (staff.isEmpty()) {
            return new Day(branchId, date, zone, List.of());
        }
        List<SlotCalculator.WeeklyRule> weekly = entityManager.createQuery("""
                        select w.staffId, w.dayOfWeek, w.kind, w.startTime, w.endTime from WeeklyHours w
                        where w.companyId = :company and w.dayOfWeek = :day and w.staffId in (""" + BRANCH_STAFF + ")",
                        Object[].class)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("day", (short) date.getDayOfWeek().getValue())
                .getResultList().stream()
                .map(StaffSchedules::weeklyRule)
                .toList();
        List<SlotCalculator.DateRule> overrides = entityManager.createQuery("""
                        select o.staffId, o.onDate, o.kind, o.startTime, o.endTime from HoursOverride o
                        where o.companyId = :company and o.onDate = :date and o.staffId in (""" + BRANCH_STAFF + ")",
                        Object[].class)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("date", date)
                .getResultList().stream()
                .map(StaffSchedules::dateRule)
                .toList();
        // Working time of a date lies within that date, so time off outside it cannot matter.
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant until = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<SlotCalculator.Absence> absences = entityManager.createQuery("""
                        select t.staffId, t.startsAt, t.endsAt from TimeOff t
                        where t.companyId = :company and t.branchId = :branch
                          and t.startsAt < :until and t.endsAt > :from""", Object[].class)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList().stream()
                .map(StaffSchedules::absence)
                .toList();
        SlotCalculator.Schedule schedule = new SlotCalculator.Schedule(zone, staff, weekly, overrides, absences, List.of());
        return new Day(branchId, date, zone, SlotCalculator.workingTime(schedule, date).stream()
                .map(range -> new Open(range.from(), range.until())).toList());
    }
}
