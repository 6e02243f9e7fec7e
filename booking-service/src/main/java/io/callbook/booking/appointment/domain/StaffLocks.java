package io.callbook.booking.appointment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;

/**
 * Orders the writers of one staff member's calendar. The exclusion constraint alone is correct, but two
 * transactions that both wrote an overlapping row before checking wait for each other, and PostgreSQL breaks the
 * tie only after its deadlock timeout (a second) by failing one of them with "deadlock detected" instead of a clean
 * conflict. Holding a transaction-scoped advisory lock per staff member first means the second writer finds the
 * first one's row committed and is refused at once. Reads never take it.
 */
@ApplicationScoped
public class StaffLocks {

    /** Keeps these locks apart from any other advisory locks in the database (the two-int form has its own key space). */
    private static final int NAMESPACE = 0x0B00C;

    private final EntityManager entityManager;

    public StaffLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The lock if no other transaction holds it, else false at once: never waits, so it cannot deadlock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(UUID staffId) {
        return (Boolean) entityManager.createNativeQuery(
                        "select pg_try_advisory_xact_lock(:namespace, hashtext(cast(:staff as text)))")
                .setParameter("namespace", NAMESPACE)
                .setParameter("staff", staffId)
                .getSingleResult();
    }

    /** Locks are taken in one global order (by id), so writers locking several staff members cannot deadlock either. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Collection<UUID> staffIds) {
        staffIds.stream().distinct().sorted(Comparator.comparing(UUID::toString)).forEach(id ->
                entityManager.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(:namespace, hashtext(cast(:staff as text)))) locked")
                        .setParameter("namespace", NAMESPACE)
                        .setParameter("staff", id)
                        .getSingleResult());
    }
}
