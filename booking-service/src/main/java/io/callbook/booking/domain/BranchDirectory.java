package io.callbook.booking.domain;

import io.callbook.common.api.ProblemException;
import io.callbook.common.contracts.directory.BranchData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** The local copy of resolver-service's branches: kept current by directory events, read on every booking path. */
@ApplicationScoped
public class BranchDirectory {

    @Transactional
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
    }

    /** A removed company takes its branches with it. */
    @Transactional
    public void companyRemoved(UUID companyId) {
        BranchReplica.update("active = false, updatedAt = ?1 where companyId = ?2", Instant.now(), companyId);
    }

    /** @throws ProblemException 404 when the branch is unknown, belongs to another company or was removed */
    public BranchReplica get(UUID companyId, UUID branchId) {
        return BranchReplica.<BranchReplica>find("id = ?1 and companyId = ?2", branchId, companyId)
                .firstResultOptional()
                .filter(branch -> branch.active)
                .orElseThrow(() -> ProblemException.notFound("Branch " + branchId));
    }
}
