package io.callbook.booking.appointment.domain;

import io.callbook.booking.branch.domain.BranchDirectory;
import io.callbook.booking.branch.domain.BranchReplica;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.BranchAndService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.booking.customer.domain.Customers;
import io.callbook.booking.schedule.domain.SlotCalculator;
import io.callbook.booking.schedule.domain.StaffSchedules;
import io.callbook.common.phone.PhoneNumberNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What must hold before a booking may try for its slot: the service, staff member and customer exist in the
 * company and may be booked, and the start respects notice and booking window. Whether the staff member is free is
 * left to the database's exclusion constraint, the only check that cannot race.
 */
@ApplicationScoped
public class BookingRules {

    /** Numbers typed without a country code are read in this region when the branch's locale names none. */
    static final String DEFAULT_REGION = "DE";

    private final BranchDirectory branches;
    private final Customers customers;
    private final PhoneNumberNormalizer numbers;
    private final EntityManager entityManager;
    private final StaffSchedules schedules;

    public BookingRules(BranchDirectory branches, Customers customers, PhoneNumberNormalizer numbers,
                        EntityManager entityManager, StaffSchedules schedules) {
        this.branches = branches;
        this.customers = customers;
        this.numbers = numbers;
        this.entityManager = entityManager;
        this.schedules = schedules;
    }

    /**
     * @throws UnknownBookingTarget for an unknown (or another company's) service or staff member (branch and customer:
     *                              as their features answer)
     * @throws BookingRuleBroken    for a rule broken
     */
    public BookingPlan plan(UUID companyId, BookAppointment command, Instant now) {
        BranchAndService target = target(companyId, command.branchId(), command.serviceId());
        BranchReplica branch = target.branch();
        BookableService service = target.service();
        BookedTime time = BookedTime.of(command.start(), service);
        List<UUID> candidates = command.staffId() != null ? List.of(command.staffId())
                : performers(companyId, branch.id, service);
        // The hours are read for performers of the service only, so a named staff member found at work is one who
        // may take it: the two reads of the staff member and their services are needed only to say what is wrong.
        List<UUID> working = working(companyId, branch, service, candidates, time);
        if (working.isEmpty() && command.staffId() != null) {
            staff(companyId, branch.id, service, command.staffId());
        }
        requireBookableTime(service, command.start(), now);
        if (command.customerId() != null) {
            customers.get(companyId, command.customerId());
        }
        String phone = command.customer() == null ? null
                : numbers.normalize(command.customer().phone(), region(branch)).e164();
        if (working.isEmpty()) {
            throw notWorking(service, candidates, time);
        }
        return new BookingPlan(companyId, branch.id, service.id, working, time, phone);
    }

    /** The branch and the service in one statement; when it finds no pair, their own look-ups say what is missing. */
    private BranchAndService target(UUID companyId, UUID branchId, UUID serviceId) {
        BranchAndService target = BranchAndService.find(branchId, serviceId)
                .filter(found -> found.branch().companyId.equals(companyId))
                .orElseGet(() -> new BranchAndService(branches.get(companyId, branchId), service(companyId, serviceId)));
        requireBookable(target.service());
        return target;
    }

    public BranchReplica branch(UUID companyId, UUID branchId) {
        return branches.get(companyId, branchId);
    }

    public BookableService service(UUID companyId, UUID serviceId) {
        BookableService service = BookableService.<BookableService>find("id = ?1 and companyId = ?2 and deletedAt is null",
                        serviceId, companyId)
                .firstResultOptional()
                .orElseThrow(() -> new UnknownBookingTarget("Service " + serviceId));
        requireBookable(service);
        return service;
    }

    private static void requireBookable(BookableService service) {
        if (!service.bookable()) {
            throw new BookingRuleBroken("service-not-bookable", "Service not bookable",
                    "Service " + service.id + " is inactive");
        }
    }

    /** The staff member, if they may take this service at this branch. */
    public Staff staff(UUID companyId, UUID branchId, BookableService service, UUID staffId) {
        Staff staff = Staff.<Staff>find("id = ?1 and companyId = ?2 and deletedAt is null", staffId, companyId)
                .firstResultOptional()
                .orElseThrow(() -> new UnknownBookingTarget("Staff member " + staffId));
        if (!staff.branchId.equals(branchId)) {
            throw new BookingRuleBroken("staff-of-another-branch", "Staff member of another branch",
                    "Staff member " + staffId + " works at another branch");
        }
        if (!staff.bookable()) {
            throw new BookingRuleBroken("staff-not-bookable", "Staff member not bookable",
                    "Staff member " + staffId + " is inactive");
        }
        if (!staff.serviceIds.contains(service.id)) {
            throw new BookingRuleBroken("service-not-performed", "Service not performed by staff member",
                    "Staff member " + staffId + " does not perform service " + service.id);
        }
        return staff;
    }

    /** Everyone at the branch who performs the service, in a stable order so retries try them alike. */
    public List<UUID> performers(UUID companyId, UUID branchId, BookableService service) {
        List<UUID> ids = entityManager.createQuery("""
                        select s.id from Staff s join s.serviceIds serviceId
                        where s.companyId = :company and s.branchId = :branch and serviceId = :service
                          and s.active = true and s.deletedAt is null
                        order by s.id""", UUID.class)
                .setParameter("company", companyId)
                .setParameter("branch", branchId)
                .setParameter("service", service.id)
                .getResultList();
        if (ids.isEmpty()) {
            throw new BookingRuleBroken("no-staff-for-service", "Nobody performs this service",
                    "No active staff member of branch " + branchId + " performs service " + service.id);
        }
        return ids;
    }

    /**
     * The candidates who are at work for the whole slot, buffers included, and not away (the same hours and time-off
     * rules availability uses; the grid of offered slots is not enforced, so staff can book a walk-in at 10:05).
     *
     * @throws BookingRuleBroken when none of them is
     */
    public List<UUID> requireWorking(UUID companyId, BranchReplica branch, BookableService service, List<UUID> candidates,
                                     BookedTime slot) {
        List<UUID> working = working(companyId, branch, service, candidates, slot);
        if (working.isEmpty()) {
            throw notWorking(service, candidates, slot);
        }
        return working;
    }

    /** The candidates who perform the service at the branch and are at work for the whole slot (maybe none). */
    private List<UUID> working(UUID companyId, BranchReplica branch, BookableService service, List<UUID> candidates,
                               BookedTime slot) {
        LocalDate first = slot.blockedFrom().atZone(branch.zone()).toLocalDate().minusDays(1);
        LocalDate last = slot.blockedUntil().atZone(branch.zone()).toLocalDate();
        SlotCalculator.Schedule schedule = schedules.hours(companyId, branch.id, service.id,
                candidates.size() == 1 ? candidates.get(0) : null, branch.zone(), first, last);
        return candidates.stream()
                .filter(staff -> SlotCalculator.works(schedule, staff, slot.blockedFrom(), slot.blockedUntil()))
                .toList();
    }

    private static BookingRuleBroken notWorking(BookableService service, List<UUID> candidates, BookedTime slot) {
        return new BookingRuleBroken("outside-working-hours", "Outside working hours",
                (candidates.size() == 1 ? "Staff member " + candidates.get(0) + " is" : "No staff member who performs"
                        + " service " + service.id + " is") + " at work from " + slot.blockedFrom() + " to "
                        + slot.blockedUntil() + " (buffers included), or is away then");
    }

    public void requireBookableTime(BookableService service, Instant start, Instant now) {
        if (!start.isAfter(now)) {
            throw new BookingRuleBroken("start-in-past", "Start in the past",
                    "start " + start + " is not in the future");
        }
        Instant earliest = now.plus(Duration.ofMinutes(service.minNoticeMinutes));
        if (start.isBefore(earliest)) {
            throw new BookingRuleBroken("notice-too-short", "Too short notice",
                    "Service " + service.id + " needs " + service.minNoticeMinutes + " minutes' notice; the earliest start is "
                            + earliest);
        }
        Instant latest = now.plus(Duration.ofDays(service.bookingWindowDays));
        if (start.isAfter(latest)) {
            throw new BookingRuleBroken("outside-booking-window", "Outside the booking window",
                    "Service " + service.id + " can be booked at most " + service.bookingWindowDays + " days ahead (until "
                            + latest + ")");
        }
    }

    /** The branch's locale is e.g. "de-DE" (or "und-DE" when only the region is known). */
    static String region(BranchReplica branch) {
        String country = branch.locale == null ? "" : Locale.forLanguageTag(branch.locale).getCountry();
        return country.length() == 2 ? country : DEFAULT_REGION;
    }
}
