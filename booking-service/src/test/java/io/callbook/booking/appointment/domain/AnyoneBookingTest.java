package io.callbook.booking.appointment.domain;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.callbook.booking.StatementCounter.inRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Callers who take anyone, at the same time for the same start: each gets a different free performer, once. */
@QuarkusTest
class AnyoneBookingTest {

    private static final int PERFORMERS = 6;

    @Inject
    BookingFixtures fixtures;
    @Inject
    BookAppointmentHandler booking;

    @Test
    void concurrentCallersForOneStartEachGetAnotherPerformerUntilNoneIsLeft() throws Exception {
        BranchData branch = fixtures.branch("Europe/Berlin");
        BookableService service = fixtures.service(branch.companyId(), 30);
        Set<UUID> performers = new HashSet<>();
        for (int i = 0; i < PERFORMERS; i++) {
            Staff staff = fixtures.staff(branch, Set.of(service.id));
            fixtures.everyDayNineToFive(staff);
            performers.add(staff.id);
        }
        Instant start = BookingFixtures.nextWeekInBerlin(DayOfWeek.TUESDAY, 11, 0).toInstant();

        CountDownLatch together = new CountDownLatch(1);
        List<CompletableFuture<UUID>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(PERFORMERS)) {
            for (int i = 0; i < PERFORMERS; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return inRequest(() -> booking.handle(branch.companyId(), anyone(branch, service, start), null))
                            .appointment().staffId;
                }, callers));
            }
            together.countDown();
            Set<UUID> booked = new HashSet<>();
            for (CompletableFuture<UUID> call : calls) {
                booked.add(call.get());
            }
            assertEquals(performers, booked, "each caller another performer");
        }

        assertThrows(SlotTaken.class, () -> inRequest(() -> booking.handle(branch.companyId(),
                anyone(branch, service, start), null)), "nobody is left at that time");
    }

    private static BookAppointment anyone(BranchData branch, BookableService service, Instant start) {
        return BookingFixtures.booking(branch, service, null, start, AppointmentSource.VOICE, false);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
