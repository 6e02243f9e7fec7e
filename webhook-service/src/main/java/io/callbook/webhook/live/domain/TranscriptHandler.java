package io.callbook.webhook.live.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.webhook.inbound.domain.InboundEvent;
import io.callbook.webhook.inbound.domain.InboundHandler;
import io.callbook.webhook.inbound.domain.WebhookIdentities;
import io.callbook.webhook.integration.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * transcript_updated arrives on every turn of every call, so it only tells the live view: the call log keeps no
 * transcript (the provider's call_ended has the whole one, kept in the inbox as long as the tenant's retention says).
 */
@ApplicationScoped
public class TranscriptHandler implements InboundHandler {

    private final LiveActivity activity;

    public TranscriptHandler(LiveActivity activity) {
        this.activity = activity;
    }

    @Override
    public boolean handles(Provider provider, String eventType) {
        return provider == Provider.VOICE && WebhookIdentities.TRANSCRIPT_UPDATED.equals(eventType);
    }

    @Override
    public void handle(InboundEvent event, JsonNode body) {
        activity.callEvent(event.companyId, event.eventType, body);
    }
}
