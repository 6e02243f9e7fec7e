package io.callbook.booking.appointment.domain;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.StatementCounter;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static io.callbook.booking.StatementCounter.inRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What one booking costs the database, pinned: each statement is a round trip that costs the service more CPU than
 * the database spends on it, so a new one should be a decision. (Refusals may read more to say what is wrong:
 * {@code AppointmentValidationTest}.)
 */
@QuarkusTest
class BookingStatementCountTest {

    private static final Logger LOG = Logger.getLogger(BookingStatementCountTest.class);

    @Inject
    BookingFixtures fixtures;
    @Inject
    BookAppointmentHandler booking;

    @Test
    void aBookingOfANamedStaffMemberForANewCustomerIsSevenStatements() {
        BranchData branch = fixtures.branch("Europe/Berlin");
        BookableService service = fixtures.service(branch.companyId(), 30);
        Staff staff = fixtures.staff(branch, Set.of(service.id));
        fixtures.everyDayNineToFive(staff);
        fixtures.staff(branch, Set.of(service.id));

        // After its commit a write asks the branch's zone, which stays cached for a while: ask it once before counting.
        inRequest(() -> booking.handle(branch.companyId(), command(branch, service, staff.id, nextMondayAt(9)), null));

        var named = StatementCounter.count(() -> inRequest(() -> booking.handle(branch.companyId(),
                command(branch, service, staff.id, nextMondayAt(10)), null)));
        LOG.infof("A booking of a named staff member: %d statements%n  %s", named.statements().size(),
                String.join("\n  ", named.statements()));
        // branch and service, hours, the staff member's lock, customer upsert, expired holds, appointment, outbox row
        assertEquals(7, named.statements().size(), named.statements().toString());
        assertEquals(staff.id, named.result().appointment().staffId);

        var anyone = StatementCounter.count(() -> inRequest(() -> booking.handle(branch.companyId(),
                command(branch, service, null, nextMondayAt(11)), null)));
        // and, to choose a staff member: the performers and who of them is busy then
        assertEquals(9, anyone.statements().size(), anyone.statements().toString());
        assertEquals(staff.id, anyone.result().appointment().staffId, "the only one at work");
    }

    private static BookAppointment command(BranchData branch, BookableService service, UUID staffId, Instant start) {
        return BookingFixtures.booking(branch, service, staffId, start, AppointmentSource.API, false);
    }

    private static Instant nextMondayAt(int hour) {
        return BookingFixtures.nextWeekInBerlin(DayOfWeek.MONDAY, hour, 0).toInstant();
    }
}
