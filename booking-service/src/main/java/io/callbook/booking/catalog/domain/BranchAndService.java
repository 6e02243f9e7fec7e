package io.callbook.booking.catalog.domain;

import io.callbook.booking.branch.domain.BranchReplica;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An active branch and a service of its company, read in one statement: every booking and every availability answer
 * not kept in memory needs both, and a statement for each cost a booking a tenth of its CPU.
 */
public record BranchAndService(BranchReplica branch, BookableService service) {

    /**
     * @return empty when the branch is unknown or removed, or the service unknown, deleted or another company's (the
     *         callers' own look-ups then say which); an inactive service is returned, for the caller to refuse
     */
    public static Optional<BranchAndService> find(UUID branchId, UUID serviceId) {
        List<Object[]> found = Panache.getEntityManager().createQuery("""
                        select b, s from BranchReplica b, BookableService s
                        where b.id = :branch and b.active = true
                          and s.id = :service and s.companyId = b.companyId and s.deletedAt is null""", Object[].class)
                .setParameter("branch", branchId)
                .setParameter("service", serviceId)
                .getResultList();
        return found.stream().findFirst()
                .map(row -> new BranchAndService((BranchReplica) row[0], (BookableService) row[1]));
    }
}
