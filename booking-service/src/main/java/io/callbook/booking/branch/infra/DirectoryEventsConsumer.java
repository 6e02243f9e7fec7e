package io.callbook.booking.branch.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.branch.domain.BranchDirectory;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.common.contracts.directory.CompanyData;
import io.callbook.common.contracts.directory.DirectoryEvents;
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

/**
 * Keeps the branch replica current. Applying an event twice leaves the same row, so redelivery is harmless;
 * branch events are keyed by branch id, so they arrive in order. A database hiccup is retried in place rather
 * than skipping the event, which would leave a stale time zone behind.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    private final BranchDirectory branches;
    private final ObjectMapper json;

    public DirectoryEventsConsumer(BranchDirectory branches, ObjectMapper json) {
        this.branches = branches;
        this.json = json;
    }

    @Incoming("directory")
    @Blocking
    @ActivateRequestContext
    @Retry(maxRetries = 20, delay = 500, maxDuration = 60, durationUnit = ChronoUnit.SECONDS, jitter = 200)
    public CompletionStage<Void> onDirectoryEvent(Message<String> message) throws IOException {
        IncomingEvent event = IncomingEvent.of(message);
        if (event.type() != null) {
            switch (event.type()) {
                case DirectoryEvents.BRANCH_UPSERTED, DirectoryEvents.BRANCH_REMOVED ->
                        branches.apply(json.readValue(event.data(), BranchData.class));
                case DirectoryEvents.COMPANY_REMOVED ->
                        branches.companyRemoved(json.readValue(event.data(), CompanyData.class).id());
                default -> {
                    // Phone numbers and company renames do not change bookings.
                }
            }
        }
        return message.ack();
    }
}
