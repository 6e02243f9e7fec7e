package io.callbook.webhook.inbound.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.webhook.integration.domain.Provider;

/** Does what one kind of inbound webhook means; runs inside the transaction that marks the event done. */
public interface InboundHandler {

    boolean handles(Provider provider, String eventType);

    void handle(InboundEvent event, JsonNode body);
}
