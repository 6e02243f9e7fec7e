package io.callbook.booking.availability.domain;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.branch.domain.BranchReplica;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.schedule.domain.SlotCalculator;
import io.callbook.booking.schedule.domain.StaffSchedules;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
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
     * For a caller whose request moved to this thread (no request context of its own).
     *
     * @param visible the companies the caller may see; a branch of another one is unknown to them
     * @throws ProblemException as {@link #branch} and {@link #find(BranchReplica, AvailabilityQuery)}
     */
    @ActivateRequestContext
    public Availability find(UUID branchId, AvailabilityQuery query, Predicate<UUID> visible) {
        BranchReplica branch = branch(branchId);
        if (!visible.test(branch.companyId)) {
            throw ProblemException.notFound("Branch " + branchId);
        }
        return find(branch, query);
    }

    /** @throws ProblemException 404 when the branch is unknown or removed (the caller checks the tenant) */
    public BranchReplica branch(UUID branchId) {
        BranchReplica branch = BranchReplica.findById(branchId);
        if (branch == null || !branch.active) {
            throw ProblemException.notFound("Branch " + branchId);
        }
        return branch;
    }

    /**
     * @throws ProblemException 400 for a range that is reversed or too long; 404 for a service or staff member the
     *                          branch's company does not have; 422 for an inactive service or a staff member who
     *                          cannot take it
     */
    // Computing a week for a big branch holds a connection and a few hundred KB; beyond this many at once, callers
    // get a quick 503 instead of a queue that grows until the heap is gone (seen under load: OutOfMemoryError).
    @Bulkhead(32)
    public Availability find(BranchReplica branch, AvailabilityQuery query) {
        requireValidRange(query.from(), query.to());
        ZoneId zone = query.zone() != null ? query.zone() : branch.zone();
        BookableService service = BookableService.<BookableService>find("id = ?1 and companyId = ?2 and deletedAt is null",
                        query.serviceId(), branch.companyId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Service " + query.serviceId()));
        if (!service.active) {
            throw ProblemException.unprocessable("service-inactive", "Service inactive",
                    "Service " + service.id + " is inactive and cannot be booked");
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

    private void requireValidRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new ProblemException(Problem.of(400, "invalid-range", "Invalid date range",
                    "'from' (" + from + ") is after 'to' (" + to + ")"));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > config.maxAvailabilityDays()) {
            throw new ProblemException(Problem.of(400, "invalid-range", "Invalid date range",
                    "At most " + config.maxAvailabilityDays() + " days per request; asked for " + days)
                    .with("maxDays", config.maxAvailabilityDays()));
        }
    }
}
