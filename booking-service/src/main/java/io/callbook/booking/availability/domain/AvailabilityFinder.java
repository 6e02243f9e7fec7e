package io.callbook.booking.availability.domain;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.branch.domain.BranchNotFound;
import io.callbook.booking.branch.domain.BranchReplica;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.BranchAndService;
import io.callbook.booking.catalog.domain.ServiceNotFound;
import io.callbook.booking.schedule.domain.SlotCalculator;
import io.callbook.booking.schedule.domain.StaffSchedules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Free slots of a branch: days from the shared cache where present, the others computed from one batch of queries
 * and cached; then, on every request, the "now"-dependent rules (minimum notice, booking window) and the
 * requested zone and staff member.
 */
@ApplicationScoped
public class AvailabilityFinder {

    private final StaffSchedules schedules;
    private final BranchSchedules branchSchedules;
    private final AvailabilityCache cache;
    private final BookingConfig config;

    public AvailabilityFinder(StaffSchedules schedules, BranchSchedules branchSchedules, AvailabilityCache cache,
                               BookingConfig config) {
        this.schedules = schedules;
        this.branchSchedules = branchSchedules;
        this.cache = cache;
        this.config = config;
    }

    /**
     * For a caller whose request moved to this thread (no request context of its own). The branch and the service are
     * read in one statement.
     *
     * @param visible the companies the caller may see; a branch of another one is unknown to them
     * @throws BranchNotFound as {@link #branch}; otherwise as {@link #find(BranchReplica, AvailabilityQuery)}
     */
    @ActivateRequestContext
    public Availability find(UUID branchId, AvailabilityQuery query, Predicate<UUID> visible) {
        Optional<BranchAndService> found = BranchAndService.find(branchId, query.serviceId());
        BranchReplica branch = found.map(BranchAndService::branch).orElseGet(() -> branch(branchId));
        if (!visible.test(branch.companyId)) {
            throw new BranchNotFound(branchId);
        }
        requireValidRange(query.from(), query.to());
        return compute(branch, found.map(BranchAndService::service).orElseGet(() -> service(branch, query)), query);
    }

    /** @throws BranchNotFound when the branch is unknown or removed (the caller checks the tenant) */
    public BranchReplica branch(UUID branchId) {
        BranchReplica branch = BranchReplica.findById(branchId);
        if (branch == null || !branch.active) {
            throw new BranchNotFound(branchId);
        }
        return branch;
    }

    /**
     * @throws InvalidDateRange for a range that is reversed or too long
     * @throws ServiceNotFound  for a service the branch's company does not have
     * @throws ServiceInactive  for an inactive service
     *                          (a staff member who cannot take the service: as {@link StaffSchedules#requireBookable})
     */
    public Availability find(BranchReplica branch, AvailabilityQuery query) {
        requireValidRange(query.from(), query.to());
        return compute(branch, service(branch, query), query);
    }

    private static BookableService service(BranchReplica branch, AvailabilityQuery query) {
        return BookableService.<BookableService>find("id = ?1 and companyId = ?2 and deletedAt is null",
                        query.serviceId(), branch.companyId)
                .firstResultOptional()
                .orElseThrow(() -> new ServiceNotFound(query.serviceId()));
    }

    // Computing a week for a big branch holds a connection and a few hundred KB; beyond this many at once, callers
    // get a quick 503 instead of a queue that grows until the heap is gone (seen under load: OutOfMemoryError).
    @Bulkhead(32)
    Availability compute(BranchReplica branch, BookableService service, AvailabilityQuery query) {
        ZoneId zone = query.zone() != null ? query.zone() : branch.zone();
        if (!service.active) {
            throw new ServiceInactive(service.id);
        }
        if (query.staffId() != null) {
            schedules.requireBookable(branch.companyId, branch.id, query.staffId(), service.id);
        }
        Instant now = Instant.now();
        AvailabilityView.Window window = AvailabilityView.Window.of(service, now);
        List<LocalDate> dates = AvailabilityView.branchDates(branch.zone(), zone, query.from(), query.to(), window)
                .map(AvailabilityView.DateRange::dates)
                .orElse(List.of());
        BranchDays branchDays = dates.isEmpty() ? new BranchDays(List.of(), "") : branchDays(branch, service, dates, now);
        List<AvailabilityView.ZonedDay> zonedDays = AvailabilityView.assemble(branchDays.days(), zone, query.from(),
                query.to(), window, service.duration(), query.staffId());
        return new Availability(branch.id, service.id, zone, zonedDays, branch.companyId, dates, branchDays.stamp(),
                AvailabilityView.validUntil(zonedDays, branchDays.days(), window, now, config.availabilityAnswerMaxAge()));
    }

    /** The days, and the stamp they were read or computed under (null when the cache could not tell). */
    private record BranchDays(List<SlotCalculator.Day> days, String stamp) {
    }

    private BranchDays branchDays(BranchReplica branch, BookableService service, List<LocalDate> dates, Instant now) {
        ZoneId zone = branch.zone();
        AvailabilityCache.Scope scope = new AvailabilityCache.Scope(branch.companyId, branch.id, service.id,
                service.version, zone);
        AvailabilityCache.Lookup lookup = cache.read(scope, dates);
        List<LocalDate> missing = dates.stream().filter(date -> !lookup.hits().containsKey(date)).toList();
        List<SlotCalculator.Day> computed = List.of();
        if (!missing.isEmpty()) {
            LocalDate first = missing.get(0);
            LocalDate last = missing.get(missing.size() - 1);
            SlotCalculator.Schedule schedule = branchSchedules.load(branch.companyId, branch.id, service.id, zone, first, last);
            Set<LocalDate> wanted = new HashSet<>(missing);
            computed = SlotCalculator.calculate(schedule, SlotCalculator.ServiceRules.of(service), first, last, now)
                    .stream().filter(day -> wanted.contains(day.date())).toList();
            cache.write(scope, lookup, computed, now);
        }
        List<SlotCalculator.Day> days = new ArrayList<>(dates.size());
        days.addAll(lookup.hits().values());
        days.addAll(computed);
        return new BranchDays(days, lookup.stamp(dates));
    }

    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private void requireValidRange(LocalDate from, LocalDate to) {
        // java.time reads dates up to year ±999999999; the day after the last one, or its instant in a zone west of
        // UTC, cannot be computed. No booking window reaches beyond these years.
        if (from.isBefore(FIRST_DATE) || to.isAfter(LAST_DATE)) {
            throw new InvalidDateRange("Dates must lie between " + FIRST_DATE + " and " + LAST_DATE, null);
        }
        if (from.isAfter(to)) {
            throw new InvalidDateRange("'from' (" + from + ") is after 'to' (" + to + ")", null);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > config.maxAvailabilityDays()) {
            throw new InvalidDateRange("At most " + config.maxAvailabilityDays() + " days per request; asked for " + days,
                    config.maxAvailabilityDays());
        }
    }
}
