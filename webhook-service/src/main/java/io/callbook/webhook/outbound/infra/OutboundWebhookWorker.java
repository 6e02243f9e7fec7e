package io.callbook.webhook.outbound.infra;

import io.callbook.common.events.IncomingEvent;
import io.callbook.webhook.outbound.domain.Deliveries;
import io.callbook.webhook.outbound.domain.DeliveryWorker;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** A batch is what one poll of Kafka returned: the deliveries of its events are written in one transaction. */
    @Incoming("booking-events")
    @Blocking
    public CompletionStage<Void> onBookingEvents(KafkaRecordBatch<String, String> batch) {
        List<Deliveries.TenantEvent> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            IncomingEvent event = IncomingEvent.of(record);
            if (event.id() == null || event.tenant() == null || event.tenant().isBlank()) {
                continue;
            }
            UUID tenant;
            try {
                tenant = UUID.fromString(event.tenant());
            } catch (IllegalArgumentException e) {
                // Thrown on, it would stop the channel for every tenant's events; this one names nobody to send to.
                LOG.warnf("Booking event %s names tenant '%s', which is no id: no webhook for it", event.id(),
                        event.tenant());
                continue;
            }
            Instant occurredAt = IncomingEvent.occurredAt(record).orElseGet(Instant::now);
            events.add(new Deliveries.TenantEvent(tenant, event.id(), event.type(), occurredAt, event.data()));
        }
        if (!events.isEmpty() && deliveries.schedule(events) > 0) {
            worker.wake();
        }
        return batch.ack();
    }

    @Scheduled(every = "${callbook.webhook.outbound.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        worker.wake();
    }
}
