package io.callbook.booking.warmup;

import io.callbook.booking.appointment.domain.AppointmentRefused;
import io.callbook.booking.appointment.domain.AppointmentSource;
import io.callbook.booking.appointment.domain.AppointmentWriter;
import io.callbook.booking.appointment.domain.BookAppointment;
import io.callbook.booking.appointment.domain.WriteConflict;
import io.callbook.booking.availability.domain.Availability;
import io.callbook.booking.availability.domain.AvailabilityFinder;
import io.callbook.booking.availability.domain.AvailabilityQuery;
import io.callbook.booking.availability.domain.AvailabilityView;
import io.callbook.booking.availability.domain.AvailabilityWarmUp;
import io.callbook.booking.availability.domain.WarmUpDays;
import io.callbook.common.warmup.WarmUpTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;

/**
 * Books a free slot of an active branch before this service takes traffic, as a caller's booking does (the rules, the
 * staff lock, the customer upsert, the insert against the exclusion constraint, the outbox row), and rolls it back.
 * Nothing stays: the row, the customer and the event go with the transaction, and the cache invalidation and the relay's
 * wake-up run only after a commit. One day of one branch service per pass ({@link WarmUpDays}), from tomorrow on.
 */
@ApplicationScoped
public class BookAppointmentWarmUp implements WarmUpTask {

    /** The booking's customer, upserted by phone like a caller's and rolled back with it. */
    private static final BookAppointment.Customer NOBODY = new BookAppointment.Customer("+493012345678", "Warm-up", null);

    private final WarmUpDays days;
    private final AvailabilityFinder finder;
    private final AppointmentWriter writer;

    public BookAppointmentWarmUp(AvailabilityWarmUp availability, AvailabilityFinder finder, AppointmentWriter writer) {
        this.days = new WarmUpDays(availability::branchServices, 1);
        this.finder = finder;
        this.writer = writer;
    }

    @Override
    public String name() {
        return "book";
    }

    @Override
    @ActivateRequestContext
    public boolean pass() {
        Optional<WarmUpDays.Day> next = days.next();
        if (next.isEmpty()) {
            return false;
        }
        bookAndRollBack(next.get().target(), next.get().date());
        return true;
    }

    /** @return true when a slot was free and booked, then rolled back; false when the day had none left */
    @ActivateRequestContext
    boolean bookAndRollBack(AvailabilityWarmUp.BranchService target, LocalDate day) {
        Availability free = finder.find(target.branch(), new AvailabilityQuery(target.serviceId(), day, day, null, null));
        Optional<AvailabilityView.ZonedSlot> slot = free.days().stream().flatMap(d -> d.slots().stream()).findFirst();
        if (slot.isEmpty()) {
            return false;
        }
        BookAppointment command = new BookAppointment(target.branch().id, target.serviceId(), null,
                slot.get().start().toInstant(), null, NOBODY, null, AppointmentSource.VOICE, null, false, true);
        // The writer's transaction joins this one, which is never committed.
        QuarkusTransaction.begin();
        try {
            writer.book(target.branch().companyId, command, new HashSet<>(), null, null, Instant.now());
            return true;
        } catch (WriteConflict | AppointmentRefused e) {
            // Taken or closed meanwhile: the write path ran as far as a caller's would.
            return false;
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}
