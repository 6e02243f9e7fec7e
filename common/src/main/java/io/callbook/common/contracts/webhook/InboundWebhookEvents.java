package io.callbook.common.contracts.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/**
 * Inbound webhooks that webhook-service processed (the call logged, the booking synced), for other consumers; and on
 * the dead-letter topic those it gave up on. The inbox row is the source of truth.
 */
public final class InboundWebhookEvents {

    public static final String TOPIC = "callbook.webhooks.inbound.v1";
    public static final String DEAD_LETTER_TOPIC = "callbook.webhooks.inbound.dlq.v1";
    public static final String PROCESSED = "io.callbook.webhooks.inbound.processed";
    public static final String DEAD = "io.callbook.webhooks.inbound.dead";

    private InboundWebhookEvents() {
    }

    /** Points at the inbox row; {@code outcome} as the handler recorded it, if it did. */
    @RegisterForReflection
    public record Handled(UUID inboundEventId, UUID companyId, String provider, String eventType, String outcome) {
    }
}
