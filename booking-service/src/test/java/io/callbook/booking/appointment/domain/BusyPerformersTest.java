package io.callbook.booking.appointment.domain;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static io.callbook.booking.StatementCounter.inRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who is taken when a booking lets anyone take it: the overlap is the exclusion constraint's (half-open blocked
 * times, live statuses only), so that the index behind the constraint can answer it.
 */
@QuarkusTest
class BusyPerformersTest {

    @Inject
    BookingFixtures fixtures;
    @Inject
    BookAppointmentHandler booking;
    @Inject
    AppointmentBook appointments;
    @Inject
    AppointmentQueries queries;
    @Inject
    EntityManager entityManager;

    @Test
    void onlyLiveAppointmentsOverlappingTheBlockedTimeMakeAPerformerBusy() {
        BranchData branch = fixtures.branch("Europe/Berlin");
        BookableService service = fixtures.service(branch.companyId(), 30);
        Staff overlapping = performer(branch, service);
        Staff before = performer(branch, service);
        Staff after = performer(branch, service);
        Staff cancelled = performer(branch, service);
        Staff expiredHold = performer(branch, service);
        Staff heldNow = performer(branch, service);
        Staff free = performer(branch, service);
        Instant ten = nextMondayAt(10, 0);

        book(branch, service, overlapping, nextMondayAt(10, 15), false);
        book(branch, service, before, nextMondayAt(9, 30), false);
        book(branch, service, after, nextMondayAt(10, 30), false);
        Appointment gone = book(branch, service, cancelled, ten, false);
        inRequest(() -> appointments.cancel(branch.companyId(), gone.id, "Termin abgesagt"));
        Appointment lapsed = book(branch, service, expiredHold, ten, true);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update appointments set hold_expires_at = :past where id = :id")
                .setParameter("past", Instant.now().minus(Duration.ofMinutes(1)))
                .setParameter("id", lapsed.id)
                .executeUpdate());
        book(branch, service, heldNow, ten, true);

        Set<UUID> busy = QuarkusTransaction.requiringNew().call(() -> queries.busyPerformers(branch.companyId(),
                branch.id(), service.id, ten, ten.plus(Duration.ofMinutes(30)), Instant.now()));

        // 9:30–10:00 and 10:30–11:00 only touch 10:00–10:30; the cancelled one, the lapsed hold and free are not taken.
        assertEquals(Set.of(overlapping.id, heldNow.id), busy, "of " + Set.of(before.id, after.id, cancelled.id,
                expiredHold.id, free.id) + " none is busy");
    }

    private Staff performer(BranchData branch, BookableService service) {
        Staff staff = fixtures.staff(branch, Set.of(service.id));
        fixtures.everyDayNineToFive(staff);
        return staff;
    }

    private Appointment book(BranchData branch, BookableService service, Staff staff, Instant start, boolean hold) {
        BookAppointment command = BookingFixtures.booking(branch, service, staff.id, start, AppointmentSource.API,
                hold);
        return inRequest(() -> booking.handle(branch.companyId(), command, null)).appointment();
    }

    private static Instant nextMondayAt(int hour, int minute) {
        return BookingFixtures.nextWeekInBerlin(DayOfWeek.MONDAY, hour, minute).toInstant();
    }
}
