package io.callbook.booking.appointment.domain;

import io.callbook.booking.catalog.domain.UpcomingAppointments;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads of appointments; every one is scoped by company except {@link #companyOf}, which exists to find the scope. */
@ApplicationScoped
public class AppointmentQueries implements UpcomingAppointments {

    /**
     * {@link AppointmentStatus#LIVE} in a query ({@code a.status in } this), bound by {@link #bindLive}: three
     * parameters rather than one list, because Hibernate translates a query with a list parameter anew on every
     * execution and this form once.
     */
    public static final String LIVE_STATUSES = "(:held, :pending, :confirmed)";

    private final EntityManager entityManager;

    public AppointmentQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Appointment get(UUID companyId, UUID id) {
        return Appointment.<Appointment>find("id = ?1 and companyId = ?2", id, companyId)
                .firstResultOptional()
                .orElseThrow(() -> new AppointmentNotFound(id));
    }

    /** The owner of an appointment, so that the caller's right to see it can be checked before anything else. */
    @Transactional
    public Optional<UUID> companyOf(UUID appointmentId) {
        return entityManager.createQuery("select a.companyId from Appointment a where a.id = :id", UUID.class)
                .setParameter("id", appointmentId)
                .getResultStream().findFirst();
    }

    @Transactional
    public Optional<Appointment> byIdempotencyKey(UUID companyId, String key) {
        return Appointment.<Appointment>find("companyId = ?1 and idempotencyKey = ?2", companyId, key).firstResultOptional();
    }

    @Transactional
    public Optional<Appointment> calendarBooking(UUID companyId, String externalRef) {
        return Appointment.<Appointment>find("companyId = ?1 and externalRef = ?2 and source = ?3", companyId, externalRef,
                AppointmentSource.CALENDAR).firstResultOptional();
    }

    /**
     * Which performers of the service at the branch have a live appointment in {@code from..until} (holds past their
     * time do not count: the booking will expire them). Advice only, to skip staff who are certainly taken. Native SQL
     * in the exclusion constraint's terms, as {@link #blocking}: with the overlap written as two comparisons no index
     * could serve it, and PostgreSQL scanned every appointment the company ever had on each booking that lets anyone
     * take it (26 ms at 114 000 appointments, growing with the company's history); through the constraint's GiST
     * index it reads a few pages per performer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> busyPerformers(UUID companyId, UUID branchId, UUID serviceId, Instant from, Instant until, Instant now) {
        List<?> staffIds = entityManager.createNativeQuery("""
                        select distinct a.staff_id from appointments a
                        where a.company_id = :company
                          and a.status in ('held', 'pending', 'confirmed')
                          and tstzrange(a.blocked_from, a.blocked_until, '[)')
                              && tstzrange(cast(:from as timestamptz), cast(:until as timestamptz), '[)')
                          and (a.status <> 'held' or a.hold_expires_at > :now)
                          and a.staff_id in (select s.id from staff s join staff_services ss on ss.staff_id = s.id
                                             where s.company_id = :company and s.branch_id = :branch
                                               and ss.service_id = :service)""")
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("service", serviceId)
                .setParameter("from", from)
                .setParameter("until", until)
                .setParameter("now", now)
                .getResultList();
        Set<UUID> busy = new HashSet<>();
        staffIds.forEach(id -> busy.add((UUID) id));
        return busy;
    }

    /** Binds {@link #LIVE_STATUSES}. */
    public static <Q extends Query> Q bindLive(Q query) {
        query.setParameter("held", AppointmentStatus.HELD);
        query.setParameter("pending", AppointmentStatus.PENDING);
        query.setParameter("confirmed", AppointmentStatus.CONFIRMED);
        return query;
    }

    /**
     * The live appointment that occupies part of {@code from..until}, for telling a refused client what is in the way.
     * Native SQL in the exclusion constraint's own terms, so PostgreSQL finds it through that constraint's GiST index
     * (staff member, blocked range): written as two comparisons, the overlap could only be filtered out of all of the
     * staff member's appointments (670 pages, 2 ms at 68 000 appointments) on every refusal. The live statuses
     * ({@link AppointmentStatus#LIVE}) are written out, as in the constraint's predicate, so the planner can use it.
     */
    @Transactional
    public Optional<Appointment> blocking(UUID companyId, UUID staffId, Instant from, Instant until, UUID except) {
        List<?> ids = entityManager.createNativeQuery("""
                        select id from appointments
                        where staff_id = :staff and company_id = :company
                          and status in ('held', 'pending', 'confirmed')
                          and tstzrange(blocked_from, blocked_until, '[)')
                              && tstzrange(cast(:from as timestamptz), cast(:until as timestamptz), '[)')
                          and id <> :except
                        order by blocked_from
                        limit 1""")
                .setParameter("staff", staffId)
                .setParameter("company", companyId)
                .setParameter("from", from)
                .setParameter("until", until)
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .getResultList();
        return ids.stream().findFirst().map(id -> Appointment.<Appointment>findById(id));
    }

    /** Scoped by company like the other reads here, which also lets the (company, staff member, start) index serve it. */
    @Override
    public long countForStaff(UUID companyId, UUID staffId, Instant now) {
        return Appointment.count("companyId = ?1 and staffId = ?2 and status in ?3 and endsAt > ?4", companyId, staffId,
                AppointmentStatus.LIVE, now);
    }

    /** Up to {@code limit + 1} rows in (start, id) order; the extra row tells whether another page follows. */
    @Transactional
    public List<Appointment> list(AppointmentFilter f) {
        StringBuilder query = new StringBuilder("companyId = :company");
        Parameters parameters = Parameters.with("company", f.companyId());
        if (f.branchId() != null) {
            query.append(" and branchId = :branch");
            parameters.and("branch", f.branchId());
        }
        if (f.staffId() != null) {
            query.append(" and staffId = :staff");
            parameters.and("staff", f.staffId());
        }
        if (f.customerId() != null) {
            query.append(" and customerId = :customer");
            parameters.and("customer", f.customerId());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            query.append(" and status in :statuses");
            parameters.and("statuses", f.statuses());
        }
        if (f.from() != null) {
            query.append(" and startsAt >= :from");
            parameters.and("from", f.from());
        }
        if (f.to() != null) {
            query.append(" and startsAt < :to");
            parameters.and("to", f.to());
        }
        if (f.externalRef() != null) {
            query.append(" and externalRef = :externalRef");
            parameters.and("externalRef", f.externalRef());
        }
        if (f.source() != null) {
            query.append(" and source = :source");
            parameters.and("source", f.source());
        }
        if (f.afterStart() != null && f.afterId() != null) {
            // Written so that the (…, starts_at, id) indexes can seek to the cursor.
            query.append(" and startsAt >= :afterStart and (startsAt > :afterStart or id > :afterId)");
            parameters.and("afterStart", f.afterStart()).and("afterId", f.afterId());
        }
        query.append(" order by startsAt, id");
        return Appointment.<Appointment>find(query.toString(), parameters).range(0, f.limit()).list();
    }
}
