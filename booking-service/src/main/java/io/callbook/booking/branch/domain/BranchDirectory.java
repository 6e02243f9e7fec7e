package io.callbook.booking.branch.domain;

import io.callbook.common.contracts.directory.BranchData;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The local copy of resolver-service's branches: kept current by directory events, read on every booking path. */
@ApplicationScoped
public class BranchDirectory {

    static final String ZONES = "branch-zones";
    static final String COMPANIES = "branch-companies";

    private final Event<SlotsChanged> slotsChanged;

    public BranchDirectory(Event<SlotsChanged> slotsChanged) {
        this.slotsChanged = slotsChanged;
    }

    @Transactional
    @CacheInvalidateAll(cacheName = ZONES)
    public void apply(BranchData data) {
        BranchReplica branch = BranchReplica.findById(data.id());
        if (branch == null) {
            branch = new BranchReplica();
            branch.id = data.id();
            branch.companyId = data.companyId();
        }
        branch.name = data.name();
        branch.timeZone = data.timeZone();
        branch.locale = data.locale();
        branch.active = data.active();
        branch.updatedAt = Instant.now();
        branch.persist();
        // A new zone or a removed branch changes every answer about it, on every replica.
        slotsChanged.fire(SlotsChanged.wholeBranch(branch.companyId, branch.id));
    }

    /** A removed company takes its branches with it. */
    @Transactional
    @CacheInvalidateAll(cacheName = ZONES)
    public void companyRemoved(UUID companyId) {
        BranchReplica.update("active = false, updatedAt = ?1 where companyId = ?2", Instant.now(), companyId);
        BranchReplica.<BranchReplica>list("companyId", companyId)
                .forEach(branch -> slotsChanged.fire(SlotsChanged.wholeBranch(companyId, branch.id)));
    }

    /** @throws BranchNotFound when the branch is unknown, belongs to another company or was removed */
    public BranchReplica get(UUID companyId, UUID branchId) {
        return BranchReplica.<BranchReplica>find("id = ?1 and companyId = ?2", branchId, companyId)
                .firstResultOptional()
                .filter(branch -> branch.active)
                .orElseThrow(() -> new BranchNotFound(branchId));
    }

    /**
     * The company of a branch, also of one since removed (its appointments stay listable): platform admins carry no
     * tenant, their requests name a branch. A branch never moves to another company, so the answer is kept; an unknown
     * branch is not (an exception is not cached), as it may arrive with the next directory event.
     *
     * @throws BranchNotFound when no branch has this id
     */
    @CacheResult(cacheName = COMPANIES)
    public UUID companyOf(UUID branchId) {
        return QuarkusTransaction.joiningExisting().call(() -> BranchReplica.<BranchReplica>findByIdOptional(branchId))
                .map(branch -> branch.companyId)
                .orElseThrow(() -> new BranchNotFound(branchId));
    }

    /** The company's active branches among these ids. */
    public Set<UUID> activeIds(UUID companyId, Collection<UUID> branchIds) {
        if (branchIds.isEmpty()) {
            return Set.of();
        }
        return BranchReplica.<BranchReplica>find("companyId = ?1 and id in ?2 and active = true", companyId,
                Set.copyOf(branchIds)).list().stream().map(branch -> branch.id).collect(Collectors.toSet());
    }

    /**
     * The branch's zone, or null when unknown, remembered briefly: every write asks it after its commit to know
     * which cached dates to drop, and a zone practically never changes (when it does, another replica may drop the
     * wrong dates until its entry expires; the availability TTL bounds that).
     */
    @CacheResult(cacheName = ZONES)
    public ZoneId zone(UUID companyId, UUID branchId) {
        return QuarkusTransaction.requiringNew().call(() -> BranchReplica.<BranchReplica>find("id = ?1 and companyId = ?2",
                        branchId, companyId)
                .firstResultOptional()
                .map(BranchReplica::zone)
                .orElse(null));
    }
}
