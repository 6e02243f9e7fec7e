package io.callbook.webhook.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** Does what one kind of inbound webhook means; runs inside the transaction that marks the event done. */
public interface InboundHandler {

    boolean handles(Provider provider, String eventType);

    void handle(InboundEvent event, JsonNode body);

    /**
     * True when handling only writes this service's database, so many events can share one transaction (and be
     * rolled back together); false when it calls another service, whose effects no rollback undoes.
     */
    default boolean localOnly() {
        return false;
    }
}
