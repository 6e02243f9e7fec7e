package io.callbook.resolver.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.directory.DirectoryEvents;
import io.callbook.common.events.IncomingEvent;
import io.callbook.resolver.domain.NumberResolver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Every replica reads every directory event (its own consumer group) and drops the resolutions
 * the change touches, in-process and in Redis, so all replicas answer the new assignment within
 * moments of the commit.
 */
@ApplicationScoped
public class DirectoryCacheInvalidator {

    private static final Logger LOG = Logger.getLogger(DirectoryCacheInvalidator.class);

    private final NumberResolver resolver;
    private final ObjectMapper json;

    public DirectoryCacheInvalidator(NumberResolver resolver, ObjectMapper json) {
        this.resolver = resolver;
        this.json = json;
    }

    @Incoming("directory-invalidation")
    @Blocking
    @ActivateRequestContext
    public CompletionStage<Void> onDirectoryEvent(Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message);
        try {
            resolver.forget(affectedNumbers(event));
        } catch (Exception e) {
            LOG.errorf(e, "Could not apply directory event %s (%s); entries expire by TTL", event.id(), event.type());
        }
        return message.ack();
    }

    private List<String> affectedNumbers(IncomingEvent event) throws Exception {
        if (event.type() == null) {
            return List.of();
        }
        JsonNode data = json.readTree(event.data());
        return switch (event.type()) {
            case DirectoryEvents.PHONE_NUMBER_UPSERTED, DirectoryEvents.PHONE_NUMBER_REMOVED -> List.of(data.get("e164").asText());
            case DirectoryEvents.BRANCH_UPSERTED, DirectoryEvents.BRANCH_REMOVED ->
                    resolver.numbersOfBranch(UUID.fromString(data.get("id").asText()));
            case DirectoryEvents.COMPANY_UPSERTED, DirectoryEvents.COMPANY_REMOVED ->
                    resolver.numbersOfCompany(UUID.fromString(data.get("id").asText()));
            default -> List.of();
        };
    }
}
