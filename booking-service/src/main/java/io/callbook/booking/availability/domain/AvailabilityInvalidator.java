package io.callbook.booking.availability.domain;

import io.callbook.booking.branch.domain.BranchDirectory;
import io.callbook.booking.branch.domain.SlotsChanged;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Drops cached availability when free times change. Two triggers, both idempotent:
 * <ul>
 *   <li>{@link SlotsChanged} after this replica's transaction committed: synchronous, so the booking's response
 *       leaves only after its slot is gone from the cache of every replica (the cache is Redis only).</li>
 *   <li>Booking events from Kafka (see the infra consumer): they cover writes whose CDI event was lost, e.g. a
 *       Redis blip at commit time, and are retried until Redis answers.</li>
 * </ul>
 * A change names real times; the dates it touches are those of the branch's zone, the zone cached days are kept in.
 */
@ApplicationScoped
public class AvailabilityInvalidator {

    private static final Logger LOG = Logger.getLogger(AvailabilityInvalidator.class);

    /** Beyond this many dates (e.g. a long leave) one branch-wide version bump is cheaper than a counter per date. */
    private static final int MAX_DATES = 62;

    private final AvailabilityCache cache;
    private final BranchDirectory branches;
    /**
     * Set when the service stops. A retry still waiting then would hold the stop up to a minute, past the pod's grace
     * period, while the database it needs is already closing.
     */
    private volatile boolean stopping;

    public AvailabilityInvalidator(AvailabilityCache cache, BranchDirectory branches) {
        this.cache = cache;
        this.branches = branches;
    }

    /** Never throws: the write has committed; a failed invalidation is logged and the Kafka event tries again. */
    void onSlotsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlotsChanged change) {
        try {
            invalidate(List.of(change));
        } catch (RuntimeException e) {
            LOG.warnf("Could not invalidate availability of branch %s after a commit (%s); a booking event, if the "
                            + "change has one, retries it, else the TTL ends it",
                    change.branchId(), e.toString());
        }
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * For event consumers: a Redis outage is waited out (bounded) rather than leaving a stale day behind.
     *
     * @throws InvalidationAbandoned once the service is stopping
     */
    @Retry(maxRetries = 30, delay = 1000, jitter = 300, maxDuration = 60_000, abortOn = InvalidationAbandoned.class)
    public void invalidateRetrying(List<SlotsChanged> changes) {
        if (stopping) {
            throw new InvalidationAbandoned();
        }
        invalidate(changes);
    }

    /** @throws RuntimeException when the cache cannot be reached */
    public void invalidate(List<SlotsChanged> changes) {
        Map<List<UUID>, List<SlotsChanged>> byBranch = changes.stream()
                .collect(Collectors.groupingBy(change -> List.of(change.companyId(), change.branchId())));
        byBranch.forEach((branch, branchChanges) -> {
            UUID companyId = branch.get(0);
            UUID branchId = branch.get(1);
            ZoneId zone = branchChanges.stream().anyMatch(SlotsChanged::wholeBranch) ? null : branches.zone(companyId, branchId);
            if (zone == null) {
                cache.invalidateBranch(companyId, branchId);
                LOG.debugf("Availability of branch %s invalidated: all dates", branchId);
                return;
            }
            Set<LocalDate> dates = new TreeSet<>();
            for (SlotsChanged change : branchChanges) {
                dates.addAll(datesOf(change.from(), change.until(), zone));
            }
            if (dates.size() > MAX_DATES) {
                cache.invalidateBranch(companyId, branchId);
            } else {
                cache.invalidate(companyId, branchId, dates);
            }
            LOG.debugf("Availability of branch %s invalidated: %s", branchId, dates.size() > MAX_DATES ? "all dates" : dates);
        });
    }

    /** The dates of {@code zone} that the real times {@code [from, until)} touch. */
    static List<LocalDate> datesOf(Instant from, Instant until, ZoneId zone) {
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = (until.isAfter(from) ? until.minus(1, ChronoUnit.NANOS) : from).atZone(zone).toLocalDate();
        return first.datesUntil(last.plusDays(1)).toList();
    }
}
