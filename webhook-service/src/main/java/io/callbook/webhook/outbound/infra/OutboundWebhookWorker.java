package io.callbook.webhook.outbound.infra;

import io.callbook.common.events.IncomingEvent;
import io.callbook.webhook.outbound.domain.Deliveries;
import io.callbook.webhook.outbound.domain.DeliveryWorker;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Booking events become deliveries to the tenant's endpoints (once per event, however often Kafka redelivers it);
 * the worker then sends what is due on its own senders, right away and on every poll for retries. The consumer only
 * writes the delivery rows and wakes it: no tenant's endpoint is ever called on the Kafka consumer's thread, so a slow
 * receiver cannot hold up the events behind it.
 */
@ApplicationScoped
public class OutboundWebhookWorker {

    private static final Logger LOG = Logger.getLogger(OutboundWebhookWorker.class);

    private final Deliveries deliveries;
    private final DeliveryWorker worker;

    public OutboundWebhookWorker(Deliveries deliveries, DeliveryWorker worker) {
        this.deliveries = deliveries;
        this.worker = worker;
    }

    @Incoming("booking-events")
    @Blocking
    public CompletionStage<Void> onBookingEvent(Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message);
        if (event.id() != null && event.tenant() != null && !event.tenant().isBlank()) {
            UUID tenant;
            try {
                tenant = UUID.fromString(event.tenant());
            } catch (IllegalArgumentException e) {
                // Thrown on, it would stop the channel for every tenant's events; this one names nobody to send to.
                LOG.warnf("Booking event %s names tenant '%s', which is no id: no webhook for it", event.id(),
                        event.tenant());
                return message.ack();
            }
            Instant occurredAt = IncomingEvent.occurredAt(message).orElseGet(Instant::now);
            if (deliveries.schedule(tenant, event.id(), event.type(), occurredAt, event.data()) > 0) {
                worker.wake();
            }
        }
        return message.ack();
    }

    @Scheduled(every = "${callbook.webhook.outbound.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        worker.wake();
    }
}
