package io.callbook.booking.availability.api;

import io.callbook.booking.AvailabilityFixtures;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.StatementCounter;
import io.callbook.booking.appointment.domain.AppointmentStatus;
import io.callbook.booking.availability.domain.Availability;
import io.callbook.booking.availability.domain.AvailabilityFinder;
import io.callbook.booking.availability.domain.AvailabilityQuery;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.HoursKind;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.callbook.booking.StatementCounter.inRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A week of a 20-staff branch costs a fixed handful of queries, not one per staff member or day (no N+1). */
@QuarkusTest
class AvailabilityQueryCountTest {

    private static final Logger LOG = Logger.getLogger(AvailabilityQueryCountTest.class);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    BookingFixtures fixtures;
    @Inject
    AvailabilityFixtures more;
    @Inject
    AvailabilityFinder availability;

    @Test
    void aWeekOfTwentyStaffIsThreeQueriesUncachedAndOneCached() {
        BranchData branch = fixtures.branch("Europe/Berlin");
        BookableService service = fixtures.service(branch.companyId(), 30);
        LocalDate monday = LocalDate.now(BERLIN).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        List<Staff> staff = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Staff member = fixtures.staff(branch, Set.of(service.id));
            fixtures.everyDayNineToFive(member);
            staff.add(member);
        }
        // Something of every kind the loader reads, so none of its queries is skipped.
        more.override(staff.get(0), monday.plusDays(2), HoursKind.WORK, "10:00", "12:00");
        more.timeOff(branch.companyId(), branch.id(), staff.get(1), at(monday, "09:00"), at(monday.plusDays(1), "17:00"));
        more.timeOff(branch.companyId(), branch.id(), null, at(monday.plusDays(4), "13:00"), at(monday.plusDays(4), "17:00"));
        for (int i = 0; i < 20; i++) {
            more.appointment(service, staff.get(i), at(monday.plusDays(i % 7), "10:00"), AppointmentStatus.CONFIRMED, null);
        }
        AvailabilityQuery week = new AvailabilityQuery(service.id, monday, monday.plusDays(6), null, null);

        // Redis connected and warm, so the measured request is a plain cache miss.
        inRequest(() -> availability.find(availability.branch(branch.id()),
                new AvailabilityQuery(service.id, monday.plusDays(7), monday.plusDays(7), null, null)));

        var uncached = StatementCounter.count(() -> inRequest(() -> availability.find(branch.id(), week, company -> true)));
        LOG.infof("Availability, 20 staff x 7 days, uncached: %d statements%n  %s", uncached.statements().size(),
                String.join("\n  ", uncached.statements()));
        // branch and service, staff and hours (weekly, overrides and time off together), appointments
        assertEquals(3, uncached.statements().size(), uncached.statements().toString());
        Availability result = uncached.result();
        assertEquals(7, result.days().size());
        assertTrue(result.days().get(0).slots().get(0).staffIds().size() >= 18);

        var cached = StatementCounter.count(() -> inRequest(() -> availability.find(branch.id(), week, company -> true)));
        LOG.infof("Same week, cached: %d statement (branch and service)", cached.statements().size());
        assertEquals(1, cached.statements().size(), cached.statements().toString());
        assertEquals(result.days(), cached.result().days());
        assertEquals(result.stamp(), cached.result().stamp(), "nothing was invalidated in between");
    }

    private static java.time.Instant at(LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time)).atZone(BERLIN).toInstant();
    }
}
