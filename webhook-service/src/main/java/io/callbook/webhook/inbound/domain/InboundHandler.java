package io.callbook.webhook.inbound.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.webhook.integration.domain.Provider;

import java.util.List;

/** Does what one kind of inbound webhook means; runs inside the transaction that marks the event done. */
public interface InboundHandler {

    boolean handles(Provider provider, String eventType);

    void handle(InboundEvent event, JsonNode body);

    /**
     * Told, in the transaction of a batch and before {@link #handle} is called for each of them in order, the batch's
     * events this handler handles: what the handler would fetch with a round trip per event it can fetch here for all
     * of them at once.
     */
    default void prepare(List<Received> events) {
    }

    /** An event and its stored body, read once. */
    record Received(InboundEvent event, JsonNode body) {
    }
}
