package io.callbook.common.contracts.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** Accepted inbound webhooks on their way to processing (webhook-service); the inbox row is the source of truth. */
public final class InboundWebhookEvents {

    public static final String TOPIC = "callbook.webhooks.inbound.v1";
    public static final String DEAD_LETTER_TOPIC = "callbook.webhooks.inbound.dlq.v1";
    public static final String ACCEPTED = "io.callbook.webhooks.inbound.accepted";

    private InboundWebhookEvents() {
    }

    /** Points at the inbox row; {@code priority} 0 is processed first. */
    @RegisterForReflection
    public record Accepted(UUID inboundEventId, UUID companyId, String provider, String eventType, int priority) {
    }
}
