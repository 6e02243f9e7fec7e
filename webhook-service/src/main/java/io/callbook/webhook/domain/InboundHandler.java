package io.callbook.webhook.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** Does what one kind of inbound webhook means; runs inside the transaction that marks the event done. */
public interface InboundHandler {

    boolean handles(Provider provider, String eventType);

    void handle(InboundEvent event, JsonNode body);
}
