package io.callbook.booking.appointment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns holds whose time ran out into {@code expired}. The exclusion constraint cannot look at the clock, so an
 * overdue hold keeps blocking its slot until a write marks it: bookings do that for the holds in their way, the
 * scheduled sweep for all others.
 */
@ApplicationScoped
public class HoldExpiry {

    private static final UUID NO_ID = new UUID(0, 0);

    private final EntityManager entityManager;
    private final AppointmentEvents events;

    public HoldExpiry(EntityManager entityManager, AppointmentEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    /**
     * Expires the overdue holds of one staff member that overlap {@code from..until}, inside the caller's transaction
     * so the booking that needs the slot sees it free. A plain UPDATE (not read-then-write) lets concurrent bookings
     * race for the same hold safely: the loser re-reads the row after the winner commits and finds nothing to do.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int expireOverlapping(UUID companyId, UUID staffId, Instant from, Instant until, Instant now, UUID except) {
        List<?> expired = entityManager.createNativeQuery("""
                        update appointments set status = 'expired', updated_at = now(), version = version + 1
                        where company_id = :company and staff_id = :staff and status = 'held' and hold_expires_at <= :now
                          and blocked_from < :until and blocked_until > :from and id <> :except
                        returning id""")
                .setParameter("company", companyId)
                .setParameter("staff", staffId)
                .setParameter("now", now)
                .setParameter("from", from)
                .setParameter("until", until)
                .setParameter("except", except == null ? NO_ID : except)
                .getResultList();
        announce(expired);
        return expired.size();
    }

    /**
     * Expires up to {@code limit} overdue holds of any tenant. {@code SKIP LOCKED} keeps replicas' sweeps (and a
     * confirmation in flight) from waiting on each other.
     *
     * @return how many holds expired; equal to {@code limit} means there may be more
     */
    @Transactional
    public int expireDue(Instant now, int limit) {
        List<?> expired = entityManager.createNativeQuery("""
                        with due as (
                            select id from appointments where status = 'held' and hold_expires_at <= :now
                            order by hold_expires_at limit :limit for update skip locked)
                        update appointments a set status = 'expired', updated_at = now(), version = a.version + 1
                        from due where a.id = due.id
                        returning a.id""")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        announce(expired);
        return expired.size();
    }

    // The statements return ids, not entities: Hibernate 7.2 caches a native query's plan per execution when it maps
    // rows to an entity (its result builders have no equality), and every lookup then compares against all of them.
    private void announce(List<?> expiredIds) {
        expiredIds.forEach(id -> events.statusChanged(Appointment.findById(id), true));
    }
}
