package io.callbook.booking.availability.domain;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.branch.domain.BranchReplica;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.common.ops.WarmingPace;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Fills the availability cache with the coming days ({@link BookingConfig#availabilityWarmDays()}, from today in the
 * branch's zone) of every bookable service of every active branch, through {@link AvailabilityFinder} as a caller
 * would: days already cached are read, the others computed and written under the cache's current versions.
 *
 * <p>Bounded: one finder call (one batch of queries) per branch and service, one after the other, each followed by a
 * rest ({@link WarmingPace}: callers are served meanwhile), and no more than {@link BookingConfig#availabilityWarmBudget()}
 * in all; branches left over are computed by their first caller.
 */
@ApplicationScoped
public class AvailabilityWarmUp {

    private static final Logger LOG = Logger.getLogger(AvailabilityWarmUp.class);
    private static final WarmingPace PACE = WarmingPace.quarterOfACore();

    private final AvailabilityFinder finder;
    private final BookingConfig config;

    public AvailabilityWarmUp(AvailabilityFinder finder, BookingConfig config) {
        this.finder = finder;
        this.config = config;
    }

    /** A bookable service at an active branch: what a caller can ask availability for. */
    public record BranchService(BranchReplica branch, UUID serviceId) {
    }

    /** @return the days (per branch and service) now in the cache */
    public int warmComingDays() {
        int days = Math.max(1, Math.min(config.availabilityWarmDays(), config.maxAvailabilityDays()));
        AtomicInteger failed = new AtomicInteger();
        WarmingPace.Progress progress = PACE.workThrough(branchServices(), config.availabilityWarmBudget(), pair -> {
            LocalDate today = LocalDate.now(pair.branch().zone());
            try {
                return finder.find(pair.branch(), new AvailabilityQuery(pair.serviceId(), today,
                        today.plusDays(days - 1L), null, null)).branchDates().size();
            } catch (RuntimeException e) {
                // A service deactivated meanwhile, or the finder's bulkhead full under load: that pair stays cold.
                failed.incrementAndGet();
                LOG.debugf("Availability of service %s at branch %s not warmed: %s", pair.serviceId(),
                        pair.branch().id, e.toString());
                return 0;
            }
        });
        if (progress.piecesLeft() > 0) {
            LOG.warnf("Availability warm-up stopped at its budget of %s after %d branch services; %d left to their "
                    + "first callers", config.availabilityWarmBudget(), progress.piecesDone(), progress.piecesLeft());
        }
        if (failed.get() > 0) {
            LOG.infof("Availability warm-up left %d branch services cold (see debug log)", failed.get());
        }
        return progress.entries();
    }

    /** Every bookable service of every active branch, branch by branch. */
    public List<BranchService> branchServices() {
        List<BranchReplica> branches = BranchReplica.<BranchReplica>list("active = true order by id");
        Map<UUID, List<BookableService>> services = bookableServices(branches);
        return branches.stream().flatMap(branch -> services.getOrDefault(branch.companyId, List.of()).stream()
                .map(service -> new BranchService(branch, service.id))).toList();
    }

    private static Map<UUID, List<BookableService>> bookableServices(List<BranchReplica> branches) {
        List<UUID> companies = branches.stream().map(branch -> branch.companyId).distinct().toList();
        if (companies.isEmpty()) {
            return Map.of();
        }
        return BookableService.<BookableService>list("companyId in ?1 and active = true and deletedAt is null order by id",
                        companies).stream()
                .collect(Collectors.groupingBy(service -> service.companyId));
    }
}
