package io.callbook.booking;

import io.callbook.booking.appointment.domain.AppointmentSource;
import io.callbook.booking.appointment.domain.BookAppointment;
import io.callbook.booking.branch.domain.BranchDirectory;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.HoursKind;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.booking.catalog.domain.WeeklyHours;
import io.callbook.common.contracts.directory.BranchData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a tenant's booking data straight in the database (the catalog API has its own tests), so each test
 * starts from a fresh company and cannot see another test's rows.
 */
@ApplicationScoped
public class BookingFixtures {

    private final BranchDirectory branches;

    public BookingFixtures(BranchDirectory branches) {
        this.branches = branches;
    }

    /** That day of next week at that time in Berlin: always ahead, and inside {@link #everyDayNineToFive} hours. */
    public static ZonedDateTime nextWeekInBerlin(DayOfWeek day, int hour, int minute) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        return LocalDate.now(berlin).plusWeeks(1).with(day).atTime(hour, minute).atZone(berlin);
    }

    /**
     * A confirmed booking (or a hold) for a new customer with a random Berlin number.
     *
     * @param staffId null lets the service pick anyone free
     */
    public static BookAppointment booking(BranchData branch, BookableService service, UUID staffId, Instant start,
                                          AppointmentSource source, boolean hold) {
        String phone = "+49 30 " + (1_000_000 + (int) (Math.random() * 8_999_999));
        return new BookAppointment(branch.id(), service.id, staffId, start, null,
                new BookAppointment.Customer(phone, "Erika Muster", null), null, source, null, hold, true);
    }

    /** A branch of a new company, as the directory event from resolver-service would create it. */
    public BranchData branch(String timeZone) {
        BranchData branch = new BranchData(UUID.randomUUID(), UUID.randomUUID(), "Branch", timeZone, "de-DE", "DE", true);
        branches.apply(branch);
        return branch;
    }

    public BookableService service(UUID companyId, int durationMinutes, int intervalMinutes, int bufferBefore,
                                   int bufferAfter, int minNoticeMinutes, int windowDays) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BookableService service = new BookableService();
            service.companyId = companyId;
            service.name = "Service " + durationMinutes + "m";
            service.durationMinutes = durationMinutes;
            service.slotIntervalMinutes = intervalMinutes;
            service.bufferBeforeMinutes = bufferBefore;
            service.bufferAfterMinutes = bufferAfter;
            service.minNoticeMinutes = minNoticeMinutes;
            service.bookingWindowDays = windowDays;
            service.persist();
            return service;
        });
    }

    public BookableService service(UUID companyId, int durationMinutes) {
        return service(companyId, durationMinutes, durationMinutes, 0, 0, 0, 365);
    }

    public Staff staff(BranchData branch, Set<UUID> serviceIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff staff = new Staff();
            staff.companyId = branch.companyId();
            staff.branchId = branch.id();
            staff.name = "Staff " + UUID.randomUUID().toString().substring(0, 6);
            staff.serviceIds.addAll(serviceIds);
            staff.persist();
            return staff;
        });
    }

    /** Adds a work (or break) interval on one weekday. */
    public void hours(Staff staff, DayOfWeek day, HoursKind kind, String start, String end) {
        QuarkusTransaction.requiringNew().run(() -> {
            WeeklyHours hours = new WeeklyHours();
            hours.companyId = staff.companyId;
            hours.staffId = staff.id;
            hours.dayOfWeek = (short) day.getValue();
            hours.kind = kind;
            hours.startTime = LocalTime.parse(start);
            hours.endTime = LocalTime.parse(end);
            hours.persist();
        });
    }

    /** A staff member at work all day every day, for tests about booking rather than hours. */
    public Staff staffAlwaysWorking(BranchData branch, Set<UUID> serviceIds) {
        Staff staff = staff(branch, serviceIds);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours(staff, day, HoursKind.WORK, "00:00", "23:59");
        }
        return staff;
    }

    /** Monday to Sunday 09:00–17:00 with a break 12:00–13:00. */
    public void everyDayNineToFive(Staff staff) {
        for (DayOfWeek day : DayOfWeek.values()) {
            hours(staff, day, HoursKind.WORK, "09:00", "17:00");
            hours(staff, day, HoursKind.BREAK, "12:00", "13:00");
        }
    }
}
