package io.callbook.webhook.voice.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.booking.AppointmentData;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.common.events.IncomingEvent;
import io.callbook.webhook.voice.domain.CallBookings;
import io.callbook.webhook.voice.domain.VoiceBooking;
import io.callbook.webhook.voice.domain.VoiceBooking.Appointment;
import io.callbook.webhook.voice.domain.VoiceConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Notes each appointment a voice call made ({@link CallBookings}). Events older than an unanswered attempt is
 * remembered can confirm nothing, so a new consumer group reading the topic from its start skips them.
 */
@ApplicationScoped
public class VoiceBookingEventsConsumer {

    private static final Logger LOG = Logger.getLogger(VoiceBookingEventsConsumer.class);
    private static final Set<String> MADE = Set.of(BookingEvents.APPOINTMENT_BOOKED, BookingEvents.APPOINTMENT_HELD,
            BookingEvents.APPOINTMENT_RESCHEDULED, BookingEvents.APPOINTMENT_STATUS_CHANGED);
    private static final Set<String> GONE = Set.of(BookingEvents.APPOINTMENT_CANCELLED,
            BookingEvents.APPOINTMENT_HOLD_EXPIRED);

    private final CallBookings bookings;
    private final ObjectMapper json;
    private final VoiceConfig config;

    public VoiceBookingEventsConsumer(CallBookings bookings, ObjectMapper json, VoiceConfig config) {
        this.bookings = bookings;
        this.json = json;
        this.config = config;
    }

    @Incoming("voice-bookings")
    @Blocking
    public CompletionStage<Void> onBookingEvent(Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message);
        boolean made = MADE.contains(event.type());
        if ((made || GONE.contains(event.type())) && recent(message)) {
            try {
                AppointmentData a = json.readValue(event.data(), AppointmentData.class);
                if (VoiceBooking.SOURCE.equals(a.source()) && a.externalRef() != null && a.companyId() != null) {
                    if (made) {
                        bookings.made(a.companyId(), a.externalRef(), new Appointment(a.id(), a.branchId(),
                                a.serviceId(), a.staffId(), a.customerId(), a.status(), a.startsAt(), a.endsAt()));
                    } else {
                        bookings.gone(a.companyId(), a.externalRef(), a.id());
                    }
                }
            } catch (JsonProcessingException e) {
                // Holding up the partition would not help: the event confirms nothing it cannot name.
                LOG.warnf("Booking event %s is unreadable (%s); no call is told of it", event.id(), e.getMessage());
            }
        }
        return message.ack();
    }

    private boolean recent(Message<String> message) {
        Instant oldest = Instant.now().minus(config.unansweredAttemptMemory());
        return IncomingEvent.occurredAt(message).map(time -> time.isAfter(oldest)).orElse(true);
    }
}
