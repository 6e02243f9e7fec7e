package io.callbook.booking.appointment.domain;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.branch.domain.BranchNotFound;
import io.callbook.booking.branch.domain.SlotsChanged;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.customer.domain.CustomerNotFound;
import io.callbook.booking.customer.domain.Customers;
import io.callbook.common.phone.InvalidPhoneNumberException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The transactions that change appointments. Each writes the row, its outbox event and its {@link SlotsChanged} at
 * once, flushing before it returns so that a refused write surfaces here as a {@link WriteConflict} (and the whole
 * transaction, customer upsert included, rolls back) rather than as an anonymous failure at commit.
 */
@ApplicationScoped
public class AppointmentWriter {

    private final EntityManager entityManager;
    private final BookingRules rules;
    private final Customers customers;
    private final HoldExpiry holds;
    private final AppointmentEvents events;
    private final AppointmentQueries queries;
    private final StaffLocks locks;
    private final BookingConfig config;

    public AppointmentWriter(EntityManager entityManager, BookingRules rules, Customers customers, HoldExpiry holds,
                             AppointmentEvents events, AppointmentQueries queries, StaffLocks locks, BookingConfig config) {
        this.entityManager = entityManager;
        this.rules = rules;
        this.customers = customers;
        this.holds = holds;
        this.events = events;
        this.queries = queries;
        this.locks = locks;
        this.config = config;
    }

    /**
     * One attempt at a booking, all in this transaction: the checks, the choice of staff member, the customer, the row
     * and its event. A second transaction per booking would cost a commit and repeat the reads.
     *
     * @param taken staff members an earlier attempt found taken; skipped when the command lets any staff member book
     * @throws WriteConflict when the staff member is taken (none free: no staff id), or another request won the
     *                       idempotency key or calendar uid
     */
    @Transactional
    public Appointment book(UUID companyId, BookAppointment command, Set<UUID> taken, String idempotencyKey,
                            String requestHash, Instant now) {
        BookingPlan plan = rules.plan(companyId, command, now);
        UUID staffId = command.staffId();
        if (staffId == null) {
            staffId = anyoneFree(plan, taken, now);
        } else {
            locks.lock(List.of(staffId));
        }
        return insertOne(plan, command, staffId, idempotencyKey, requestHash, now, -1);
    }

    /**
     * Checks every item before writing any, then books them all in this one transaction: a failing item rolls the
     * others back.
     *
     * @param items each parses its command when asked (a malformed item is listed with the others)
     * @throws BatchInvalid  listing each invalid item
     * @throws WriteConflict naming the first item that found its time taken
     */
    @Transactional
    public List<Appointment> insertBatch(UUID companyId, List<Supplier<BookAppointment>> items, Instant now) {
        List<BookAppointment> commands = new ArrayList<>(items.size());
        List<BookingPlan> plans = new ArrayList<>(items.size());
        SortedMap<Integer, RuntimeException> failures = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                BookAppointment command = Objects.requireNonNull(items.get(i), "item").get();
                plans.add(rules.plan(companyId, command, now));
                commands.add(command);
            } catch (AppointmentRefused | BranchNotFound | CustomerNotFound | InvalidPhoneNumberException e) {
                // Phone numbers that are none answer with common's problem.
                failures.put(i, e);
            } catch (NullPointerException e) {
                failures.put(i, new InvalidBookingValue("The item is null"));
            }
        }
        if (!failures.isEmpty()) {
            throw new BatchInvalid(failures);
        }
        locks.lock(plans.stream().flatMap(plan -> plan.staffIds().stream()).toList());
        List<Appointment> booked = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            BookingPlan plan = plans.get(i);
            BookAppointment command = commands.get(i);
            UUID staffId = command.staffId() != null ? command.staffId() : free(plan, Set.of(), now, i).get(0);
            booked.add(insertOne(plan, command, staffId, null, null, now, i));
        }
        return booked;
    }

    /**
     * Moves an appointment, keeping the length and buffers it was booked with. A move into a taken slot fails on the
     * constraint and leaves the appointment where it was.
     *
     * @param externalRef the new reference at the appointment's source (a calendar issues a new uid with a move), or
     *                    null to keep it; a calendar uid another appointment has fails on its unique index
     */
    @Transactional
    public Appointment reschedule(UUID companyId, UUID id, Instant start, UUID staffId, String externalRef, Instant now) {
        Appointment a = queries.get(companyId, id);
        AppointmentStatus current = effectiveStatus(a, now);
        if (!current.live()) {
            throw new NotReschedulable(id, current);
        }
        BookableService service = BookableService.findById(a.serviceId);
        UUID newStaff = staffId == null || staffId.equals(a.staffId) ? a.staffId
                : rules.staff(companyId, a.branchId, service, staffId).id;
        rules.requireBookableTime(service, start, now);
        String newRef = externalRef == null ? a.externalRef : externalRef;
        if (start.equals(a.startsAt) && newStaff.equals(a.staffId)) {
            if (!Objects.equals(newRef, a.externalRef)) {
                // No time was freed or taken, so no event: only the source's name for the booking changed.
                a.externalRef = newRef;
                flush(a.staffId, new BookedTime(a.startsAt, a.endsAt, a.blockedFrom, a.blockedUntil), -1);
            }
            return a;
        }
        Duration length = Duration.between(a.startsAt, a.endsAt);
        Duration before = Duration.between(a.blockedFrom, a.startsAt);
        Duration after = Duration.between(a.endsAt, a.blockedUntil);
        Instant end = start.plus(length);
        BookedTime slot = new BookedTime(start, end, start.minus(before), end.plus(after));
        rules.requireWorking(companyId, rules.branch(companyId, a.branchId), service, List.of(newStaff), slot);
        locks.lock(List.of(newStaff));
        holds.expireOverlapping(companyId, newStaff, slot.blockedFrom(), slot.blockedUntil(), now, a.id);

        Instant previousFrom = a.blockedFrom;
        Instant previousUntil = a.blockedUntil;
        a.staffId = newStaff;
        a.startsAt = slot.start();
        a.endsAt = slot.end();
        a.blockedFrom = slot.blockedFrom();
        a.blockedUntil = slot.blockedUntil();
        a.externalRef = newRef;
        flush(newStaff, slot, -1);
        events.rescheduled(a, previousFrom, previousUntil);
        return a;
    }

    /**
     * Applies a status change if {@link AppointmentStatus#canBecome} allows it. Asking for the status the appointment
     * already has changes nothing, so a retried cancel or confirm is harmless.
     */
    @Transactional
    public Appointment changeStatus(UUID companyId, UUID id, AppointmentStatus next, String reason, Instant now) {
        Appointment a = queries.get(companyId, id);
        AppointmentStatus current = effectiveStatus(a, now);
        if (current == next) {
            return a;
        }
        if (!current.canBecome(next)) {
            throw new IllegalTransition(id, current, next);
        }
        boolean freed = a.status.live() && !next.live();
        a.status = next;
        if (next == AppointmentStatus.PENDING || next == AppointmentStatus.CONFIRMED) {
            a.holdExpiresAt = null;
        }
        if (next == AppointmentStatus.CANCELLED) {
            a.cancellationReason = reason;
        }
        entityManager.flush();
        events.statusChanged(a, freed);
        return a;
    }

    /** A hold past its time is over even before the sweep has marked it. */
    static AppointmentStatus effectiveStatus(Appointment a, Instant now) {
        return a.status == AppointmentStatus.HELD && a.holdExpiresAt != null && !a.holdExpiresAt.isAfter(now)
                ? AppointmentStatus.EXPIRED : a.status;
    }

    private Appointment insertOne(BookingPlan plan, BookAppointment c, UUID staffId, String idempotencyKey,
                                  String requestHash, Instant now, int index) {
        UUID customerId = c.customerId();
        if (plan.customerPhone() != null) {
            customerId = customers.upsertByE164(plan.companyId(), plan.customerPhone(), c.customer().name(),
                    c.customer().email());
        }
        BookedTime time = plan.time();
        holds.expireOverlapping(plan.companyId(), staffId, time.blockedFrom(), time.blockedUntil(), now, null);

        Appointment a = new Appointment();
        a.companyId = plan.companyId();
        a.branchId = plan.branchId();
        a.serviceId = plan.serviceId();
        a.staffId = staffId;
        a.customerId = customerId;
        a.startsAt = time.start();
        a.endsAt = time.end();
        a.blockedFrom = time.blockedFrom();
        a.blockedUntil = time.blockedUntil();
        a.status = c.initialStatus();
        a.holdExpiresAt = c.hold() ? now.plus(config.holdDuration()) : null;
        a.source = c.source();
        a.externalRef = c.externalRef();
        a.notes = c.notes();
        a.idempotencyKey = idempotencyKey;
        a.requestHash = requestHash;
        a.persist();
        flush(staffId, time, index);
        events.created(a);
        return a;
    }

    /**
     * The first free performer in the plan's order whose lock is free, locked. Concurrent callers who take anyone for
     * the same time all found the same performers free; had each waited for the first one's lock, all but one would
     * have failed on the constraint and started again (100 such bookings a second queued for seconds). So each passes
     * over those being written to right now; only when every free one is, it waits for the first.
     */
    private UUID anyoneFree(BookingPlan plan, Set<UUID> taken, Instant now) {
        List<UUID> free = free(plan, taken, now, -1);
        for (UUID staffId : free) {
            if (locks.tryLock(staffId)) {
                return staffId;
            }
        }
        locks.lock(List.of(free.get(0)));
        return free.get(0);
    }

    /**
     * The performers in the plan's order, without those busy then (advice: the constraint decides) or found taken by
     * an earlier attempt; the earlier items of a batch are flushed, so they count.
     *
     * @throws WriteConflict when none is left
     */
    private List<UUID> free(BookingPlan plan, Set<UUID> taken, Instant now, int index) {
        BookedTime time = plan.time();
        Set<UUID> busy = queries.busyPerformers(plan.companyId(), plan.branchId(), plan.serviceId(), time.blockedFrom(),
                time.blockedUntil(), now);
        List<UUID> free = plan.staffIds().stream().filter(id -> !busy.contains(id) && !taken.contains(id)).toList();
        if (free.isEmpty()) {
            throw new WriteConflict(WriteConflict.Kind.SLOT_TAKEN, null, time, index, null);
        }
        return free;
    }

    private void flush(UUID staffId, BookedTime time, int index) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw WriteConflict.of(e, staffId, time, index).orElseThrow(() -> e);
        }
    }
}
