package io.callbook.booking.warmup;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.availability.api.AvailabilityAnswersWarmUp;
import io.callbook.booking.availability.domain.AvailabilityFinder;
import io.callbook.booking.availability.domain.AvailabilityWarmUp;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up warm-up asks for availability and runs a caller's booking, and leaves nothing of it. */
@QuarkusTest
class WarmUpTasksTest {

    @Inject
    BookingFixtures fixtures;
    @Inject
    BookAppointmentWarmUp warmUp;
    @Inject
    AvailabilityFinder finder;
    @Inject
    AvailabilityAnswersWarmUp availabilityWarmUp;
    @Inject
    EntityManager entityManager;

    @Test
    void availabilityIsAskedForTheActiveBranches() {
        fixtures.service(fixtures.branch("Europe/Berlin").companyId(), 30);
        for (int pass = 0; pass < 3; pass++) {
            assertTrue(availabilityWarmUp.pass(), "there is a branch service to ask for: at least this test's");
        }
    }

    @Test
    void aFreeSlotIsBookedAndRolledBackWithItsCustomerAndEvent() {
        BranchData branch = fixtures.branch("Europe/Berlin");
        BookableService haircut = fixtures.service(branch.companyId(), 30);
        Staff anna = fixtures.staff(branch, Set.of(haircut.id));
        fixtures.everyDayNineToFive(anna);
        var target = new AvailabilityWarmUp.BranchService(
                QuarkusTransaction.requiringNew().call(() -> finder.branch(branch.id())), haircut.id);
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2);

        assertTrue(warmUp.bookAndRollBack(target, day), "the day's first slot booked");
        // Only one staff member: had the first booking stayed, the same first slot could not be booked again.
        assertTrue(warmUp.bookAndRollBack(target, day), "the same slot booked again");

        assertEquals(0L, count("select count(*) from appointments where branch_id = ?1", branch.id()));
        assertEquals(0L, count("select count(*) from customers where company_id = ?1", branch.companyId()));
        assertEquals(0L, count("select count(*) from outbox where tenant_id = ?1 and event_type like '%appointment%'",
                branch.companyId()));
    }

    private long count(String sql, UUID parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
