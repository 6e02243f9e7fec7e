package io.callbook.webhook.privacy.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.booking.CustomerErasureEvents;
import io.callbook.common.contracts.booking.CustomerErasureEvents.CustomerErased;
import io.callbook.common.events.IncomingEvent;
import io.callbook.webhook.privacy.domain.CallerErasures;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;

/**
 * Erases a customer's calls and provider payloads when booking-service erased the customer. A database hiccup is
 * retried in place: skipping the event would leave personal data behind.
 */
@ApplicationScoped
public class CustomerErasedConsumer {

    private static final Logger LOG = Logger.getLogger(CustomerErasedConsumer.class);

    private final CallerErasures erasures;
    private final ObjectMapper json;

    public CustomerErasedConsumer(CallerErasures erasures, ObjectMapper json) {
        this.erasures = erasures;
        this.json = json;
    }

    @Incoming("customer-erasures")
    @Blocking
    @ActivateRequestContext
    @Retry(maxRetries = 20, delay = 500, maxDuration = 60, durationUnit = ChronoUnit.SECONDS, jitter = 200)
    public CompletionStage<Void> onBookingEvent(Message<String> message) throws IOException {
        IncomingEvent event = IncomingEvent.of(message);
        if (CustomerErasureEvents.CUSTOMER_ERASED.equals(event.type()) && event.id() != null) {
            erasures.erase(event.id(), json.readValue(event.data(), CustomerErased.class))
                    .ifPresent(done -> LOG.infof("Erasure %s: %d calls and %d provider payloads anonymised",
                            done.erasureId(), done.callsAnonymised(), done.inboundEventsAnonymised()));
        }
        return message.ack();
    }
}
