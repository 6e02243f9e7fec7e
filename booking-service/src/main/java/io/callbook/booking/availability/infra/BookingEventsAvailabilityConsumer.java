package io.callbook.booking.availability.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.availability.domain.AvailabilityInvalidator;
import io.callbook.booking.availability.domain.InvalidationAbandoned;
import io.callbook.booking.branch.domain.SlotsChanged;
import io.callbook.common.contracts.booking.AppointmentData;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.common.events.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Drops cached availability for every appointment event, wherever it was written: the old and the new blocked
 * times of the branch. One consumer group for all replicas is enough, since the cache is Redis only. Applying an
 * event twice only costs a recomputation, so redelivery is harmless.
 */
@ApplicationScoped
public class BookingEventsAvailabilityConsumer {

    private static final Logger LOG = Logger.getLogger(BookingEventsAvailabilityConsumer.class);

    /** Events that can free or take time. A status change (confirmed, completed, no-show) leaves the slot as it was. */
    private static final Set<String> CHANGING_SLOTS = Set.of(BookingEvents.APPOINTMENT_HELD,
            BookingEvents.APPOINTMENT_BOOKED, BookingEvents.APPOINTMENT_RESCHEDULED, BookingEvents.APPOINTMENT_CANCELLED,
            BookingEvents.APPOINTMENT_HOLD_EXPIRED);

    private final AvailabilityInvalidator invalidator;
    private final ObjectMapper json;

    public BookingEventsAvailabilityConsumer(AvailabilityInvalidator invalidator, ObjectMapper json) {
        this.invalidator = invalidator;
        this.json = json;
    }

    @Incoming("availability-invalidation")
    @Blocking
    @ActivateRequestContext
    public CompletionStage<Void> onBookingEvent(Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message);
        if (event.type() != null && CHANGING_SLOTS.contains(event.type())) {
            try {
                AppointmentData appointment = json.readValue(event.data(), AppointmentData.class);
                if (appointment.companyId() == null || appointment.branchId() == null) {
                    LOG.warnf("Booking event %s names no company or branch; nothing to invalidate", event.id());
                    return message.ack();
                }
                invalidator.invalidateRetrying(changes(appointment));
            } catch (InvalidationAbandoned e) {
                // Unacknowledged, so the next consumer of the partition applies it.
                LOG.infof("Invalidation for event %s left to the next start: the service is stopping", event.id());
                return CompletableFuture.completedFuture(null);
            } catch (Exception e) {
                // Holding up the partition would not help: the TTL bounds what this event could not drop.
                LOG.errorf(e, "Could not invalidate availability for event %s (%s); the TTL will", event.id(), event.type());
            }
        }
        return message.ack();
    }

    static List<SlotsChanged> changes(AppointmentData appointment) {
        List<SlotsChanged> changes = new ArrayList<>(2);
        if (appointment.blockedFrom() != null && appointment.blockedUntil() != null) {
            changes.add(new SlotsChanged(appointment.companyId(), appointment.branchId(), appointment.blockedFrom(),
                    appointment.blockedUntil()));
        }
        if (appointment.previousBlockedFrom() != null && appointment.previousBlockedUntil() != null) {
            changes.add(new SlotsChanged(appointment.companyId(), appointment.branchId(),
                    appointment.previousBlockedFrom(), appointment.previousBlockedUntil()));
        }
        // Without times we cannot tell which dates changed; all of them may have.
        return changes.isEmpty() ? List.of(SlotsChanged.wholeBranch(appointment.companyId(), appointment.branchId()))
                : changes;
    }
}
