package io.callbook.webhook.tenant.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.directory.CompanyData;
import io.callbook.common.contracts.directory.DirectoryEvents;
import io.callbook.common.events.IncomingEvent;
import io.callbook.webhook.tenant.domain.CompanyStatus;
import io.callbook.webhook.tenant.domain.Tenants;
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
 * Keeps the company status copy current. Company events are keyed by company id, so they arrive in order; each is
 * applied once (processed event ids), so a redelivery cannot undo a later change. A database hiccup is retried in
 * place rather than skipping the event, which would leave a suspended company served.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    private static final Logger LOG = Logger.getLogger(DirectoryEventsConsumer.class);

    private final Tenants tenants;
    private final ObjectMapper json;

    public DirectoryEventsConsumer(Tenants tenants, ObjectMapper json) {
        this.tenants = tenants;
        this.json = json;
    }

    @Incoming("directory")
    @Blocking
    @ActivateRequestContext
    @Retry(maxRetries = 20, delay = 500, maxDuration = 60, durationUnit = ChronoUnit.SECONDS, jitter = 200)
    public CompletionStage<Void> onDirectoryEvent(Message<String> message) throws IOException {
        IncomingEvent event = IncomingEvent.of(message);
        if (event.id() != null && event.type() != null) {
            switch (event.type()) {
                case DirectoryEvents.COMPANY_UPSERTED -> {
                    CompanyData company = json.readValue(event.data(), CompanyData.class);
                    apply(event.id(), company, company.active() ? CompanyStatus.ACTIVE : CompanyStatus.SUSPENDED);
                }
                case DirectoryEvents.COMPANY_REMOVED ->
                        apply(event.id(), json.readValue(event.data(), CompanyData.class), CompanyStatus.DELETED);
                default -> {
                    // Branches and numbers are asked of resolver-service when a call needs them.
                }
            }
        }
        return message.ack();
    }

    private void apply(String eventId, CompanyData company, CompanyStatus status) {
        if (tenants.apply(eventId, company.id(), status)) {
            LOG.infof("Company %s is now %s", company.id(), status.dbValue());
        }
    }
}
