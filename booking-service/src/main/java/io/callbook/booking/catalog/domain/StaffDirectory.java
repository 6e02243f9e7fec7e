package io.callbook.booking.catalog.domain;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.branch.domain.BranchDirectory;
import io.callbook.booking.branch.domain.BranchNotFound;
import io.callbook.booking.branch.domain.SlotsChanged;
import io.callbook.common.api.BatchItems;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Staff of a branch, the services they perform and when they work. */
@ApplicationScoped
public class StaffDirectory {

    private final BranchDirectory branches;
    private final Event<SlotsChanged> slotsChanged;
    private final UpcomingAppointments appointments;

    public StaffDirectory(BranchDirectory branches, Event<SlotsChanged> slotsChanged, UpcomingAppointments appointments) {
        this.branches = branches;
        this.slotsChanged = slotsChanged;
        this.appointments = appointments;
    }

    /**
     * A staff member of an import batch.
     *
     * @param weeklyHours the regular week, as {@link #replaceWeeklyHours} takes it; null for none yet
     */
    public record NewStaff(UUID branchId, String name, String email, Set<UUID> serviceIds,
                           List<HoursInterval> weeklyHours) {
    }

    @Transactional
    public Staff create(UUID companyId, UUID branchId, String name, String email, Set<UUID> serviceIds) {
        branches.get(companyId, branchId);
        Staff staff = new Staff();
        staff.companyId = companyId;
        staff.branchId = branchId;
        staff.name = name.strip();
        staff.email = email;
        staff.serviceIds.addAll(existingServices(companyId, serviceIds));
        staff.persist();
        return staff;
    }

    /**
     * All or nothing: every item is checked before any is written, then one transaction creates them all with their
     * services and hours. Availability of each branch touched is dropped once, after the commit.
     *
     * @param items the batch, its size checked already against {@link BookingConfig#maxImportBatchSize()}; items the
     *              API ruled out are left out of the checks here
     * @throws StaffBatchInvalid if any item is invalid (an unknown branch or service, hours that overlap or end before
     *                           they start), or the API ruled one out
     */
    @Transactional
    public List<Staff> createBatch(UUID companyId, BatchItems<NewStaff> items) {
        List<NewStaff> checked = items.validInputs();
        Set<UUID> knownBranches = branches.activeIds(companyId, checked.stream().map(NewStaff::branchId).toList());
        Set<UUID> knownServices = knownServices(companyId, checked.stream()
                .flatMap(item -> item.serviceIds() == null ? Stream.empty() : item.serviceIds().stream())
                .collect(Collectors.toSet()));
        SortedMap<Integer, RuntimeException> failures = new TreeMap<>();
        for (int i : items.validIndexes()) {
            NewStaff item = items.get(i);
            Set<UUID> missing = item.serviceIds() == null ? Set.of() : item.serviceIds().stream()
                    .filter(id -> !knownServices.contains(id)).collect(Collectors.toSet());
            try {
                if (!knownBranches.contains(item.branchId())) {
                    throw new BranchNotFound(item.branchId());
                }
                if (!missing.isEmpty()) {
                    throw new UnknownServices(missing);
                }
                if (item.weeklyHours() != null) {
                    validate(item.weeklyHours());
                }
            } catch (BranchNotFound | UnknownServices | InvalidHours e) {
                failures.put(i, e);
            }
        }
        if (!failures.isEmpty() || checked.size() < items.size()) {
            throw new StaffBatchInvalid(failures);
        }

        List<Staff> created = new ArrayList<>(items.size());
        for (NewStaff item : checked) {
            Staff staff = new Staff();
            staff.companyId = companyId;
            staff.branchId = item.branchId();
            staff.name = item.name().strip();
            staff.email = item.email();
            if (item.serviceIds() != null) {
                staff.serviceIds.addAll(item.serviceIds());
            }
            staff.persist();
            created.add(staff);
        }
        for (int i = 0; i < created.size(); i++) {
            List<HoursInterval> hours = items.get(i).weeklyHours();
            addWeeklyHours(companyId, created.get(i).id, hours == null ? List.of() : hours);
        }
        created.stream().map(staff -> staff.branchId).distinct()
                .forEach(branchId -> slotsChanged.fire(SlotsChanged.wholeBranch(companyId, branchId)));
        return created;
    }

    public Staff get(UUID companyId, UUID staffId) {
        return Staff.<Staff>find("id = ?1 and companyId = ?2 and deletedAt is null", staffId, companyId)
                .firstResultOptional()
                .orElseThrow(() -> new StaffNotFound(staffId));
    }

    public List<Staff> list(UUID companyId, UUID branchId, UUID after, int limit) {
        StringBuilder query = new StringBuilder("companyId = :company and deletedAt is null");
        Parameters parameters = Parameters.with("company", companyId);
        if (branchId != null) {
            query.append(" and branchId = :branch");
            parameters.and("branch", branchId);
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return Staff.<Staff>find(query.append(" order by id").toString(), parameters).page(0, limit + 1).list();
    }

    @Transactional
    public Staff update(UUID companyId, UUID staffId, String name, String email, Set<UUID> serviceIds, Boolean active) {
        Staff staff = get(companyId, staffId);
        if (name != null) {
            staff.name = name.strip();
        }
        if (email != null) {
            staff.email = email.isBlank() ? null : email.strip();
        }
        if (serviceIds != null) {
            staff.serviceIds.clear();
            staff.serviceIds.addAll(existingServices(companyId, serviceIds));
        }
        if (active != null) {
            staff.active = active;
        }
        slotsChanged.fire(SlotsChanged.wholeBranch(companyId, staff.branchId));
        // The answer lists the services after this transaction has closed the session; an update that left them
        // alone has not loaded them yet.
        org.hibernate.Hibernate.initialize(staff.serviceIds);
        return staff;
    }

    /** Someone with appointments still ahead cannot leave: cancel or move them first. */
    @Transactional
    public void delete(UUID companyId, UUID staffId) {
        Staff staff = get(companyId, staffId);
        long ahead = appointments.countForStaff(companyId, staffId, Instant.now());
        if (ahead > 0) {
            throw new StaffHasAppointments(staffId, ahead);
        }
        staff.deletedAt = Instant.now();
        staff.active = false;
        slotsChanged.fire(SlotsChanged.wholeBranch(companyId, staff.branchId));
    }

    public List<WeeklyHours> weeklyHours(UUID companyId, UUID staffId) {
        get(companyId, staffId);
        return WeeklyHours.<WeeklyHours>find("staffId = ?1", staffId).list().stream()
                .sorted(Comparator.comparing((WeeklyHours h) -> h.dayOfWeek).thenComparing(h -> h.startTime))
                .toList();
    }

    /** Replaces the whole regular week. */
    @Transactional
    public List<WeeklyHours> replaceWeeklyHours(UUID companyId, UUID staffId, List<HoursInterval> intervals) {
        Staff staff = get(companyId, staffId);
        validate(intervals);
        WeeklyHours.delete("staffId", staffId);
        addWeeklyHours(companyId, staffId, intervals);
        slotsChanged.fire(SlotsChanged.wholeBranch(companyId, staff.branchId));
        return weeklyHours(companyId, staffId);
    }

    public List<HoursOverride> overrides(UUID companyId, UUID staffId, LocalDate from, LocalDate to) {
        get(companyId, staffId);
        return HoursOverride.<HoursOverride>find("staffId = ?1 and onDate between ?2 and ?3 order by onDate, startTime",
                staffId, from, to).list();
    }

    /** Replaces the hours of one date; an empty list goes back to the regular week for that date. */
    @Transactional
    public List<HoursOverride> replaceOverrides(UUID companyId, UUID staffId, LocalDate date, List<HoursInterval> intervals) {
        Staff staff = get(companyId, staffId);
        validate(intervals.stream().map(i -> new HoursInterval(date.getDayOfWeek(), i.kind(), i.start(), i.end())).toList());
        HoursOverride.delete("staffId = ?1 and onDate = ?2", staffId, date);
        for (HoursInterval interval : intervals) {
            HoursOverride override = new HoursOverride();
            override.companyId = companyId;
            override.staffId = staffId;
            override.onDate = date;
            override.kind = interval.kind();
            override.startTime = interval.start();
            override.endTime = interval.end();
            override.persist();
        }
        // The date's local midnight depends on the branch zone; a day either side covers every zone.
        Instant around = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        slotsChanged.fire(new SlotsChanged(companyId, staff.branchId, around.minus(Duration.ofDays(1)),
                around.plus(Duration.ofDays(2))));
        return overrides(companyId, staffId, date, date);
    }

    private static void addWeeklyHours(UUID companyId, UUID staffId, List<HoursInterval> intervals) {
        for (HoursInterval interval : intervals) {
            WeeklyHours hours = new WeeklyHours();
            hours.companyId = companyId;
            hours.staffId = staffId;
            hours.dayOfWeek = (short) interval.day().getValue();
            hours.kind = interval.kind();
            hours.startTime = interval.start();
            hours.endTime = interval.end();
            hours.persist();
        }
    }

    private Set<UUID> existingServices(UUID companyId, Set<UUID> serviceIds) {
        if (serviceIds == null || serviceIds.isEmpty()) {
            return Set.of();
        }
        Set<UUID> found = knownServices(companyId, serviceIds);
        Set<UUID> missing = serviceIds.stream().filter(id -> !found.contains(id)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            throw new UnknownServices(missing);
        }
        return found;
    }

    /** The company's services among these ids. */
    private static Set<UUID> knownServices(UUID companyId, Set<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Set.of();
        }
        return BookableService.<BookableService>find("companyId = ?1 and id in ?2 and deletedAt is null",
                companyId, serviceIds).stream().map(s -> s.id).collect(Collectors.toSet());
    }

    /** Work intervals of a day must not overlap, and every break must lie inside one of them. */
    private static void validate(List<HoursInterval> intervals) {
        for (HoursInterval interval : intervals) {
            if (!interval.start().isBefore(interval.end())) {
                throw new InvalidHours(interval.day() + " " + interval.start() + "–" + interval.end() + " ends before it starts");
            }
        }
        Map<DayOfWeek, List<HoursInterval>> byDay = intervals.stream().collect(Collectors.groupingBy(HoursInterval::day));
        byDay.forEach((day, ofDay) -> {
            List<HoursInterval> work = ofDay.stream().filter(i -> i.kind() == HoursKind.WORK)
                    .sorted(Comparator.comparing(HoursInterval::start)).toList();
            for (int i = 1; i < work.size(); i++) {
                if (work.get(i).start().isBefore(work.get(i - 1).end())) {
                    throw new InvalidHours(day + ": work intervals " + work.get(i - 1).start() + "–" + work.get(i - 1).end()
                            + " and " + work.get(i).start() + "–" + work.get(i).end() + " overlap");
                }
            }
            ofDay.stream().filter(i -> i.kind() == HoursKind.BREAK)
                    .filter(b -> work.stream().noneMatch(w -> !b.start().isBefore(w.start()) && !b.end().isAfter(w.end())))
                    .findFirst()
                    .ifPresent(b -> {
                        throw new InvalidHours(day + ": break " + b.start() + "–" + b.end() + " is outside working hours");
                    });
        });
    }
}
