package io.callbook.booking.customer.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.customer.domain.CustomerErasures;
import io.callbook.common.contracts.webhook.CustomerErasureReports;
import io.callbook.common.contracts.webhook.CustomerErasureReports.ErasureCompleted;
import io.callbook.common.events.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;

/** Completes erasure reports with what webhook-service anonymised. */
@ApplicationScoped
public class CustomerErasureReportsConsumer {

    private final CustomerErasures erasures;
    private final ObjectMapper json;

    public CustomerErasureReportsConsumer(CustomerErasures erasures, ObjectMapper json) {
        this.erasures = erasures;
        this.json = json;
    }

    @Incoming("erasure-reports")
    @Blocking
    @ActivateRequestContext
    @Retry(maxRetries = 20, delay = 500, maxDuration = 60, durationUnit = ChronoUnit.SECONDS, jitter = 200)
    public CompletionStage<Void> onReport(Message<String> message) throws IOException {
        IncomingEvent event = IncomingEvent.of(message);
        if (CustomerErasureReports.ERASURE_COMPLETED.equals(event.type()) && event.id() != null) {
            erasures.webhookCompleted(event.id(), json.readValue(event.data(), ErasureCompleted.class));
        }
        return message.ack();
    }
}
