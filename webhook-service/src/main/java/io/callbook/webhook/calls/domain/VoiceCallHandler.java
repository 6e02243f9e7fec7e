package io.callbook.webhook.calls.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.webhook.inbound.domain.InboundEvent;
import io.callbook.webhook.inbound.domain.InboundHandler;
import io.callbook.webhook.inbound.domain.WebhookIdentities;
import io.callbook.webhook.integration.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;

/** call_started, call_ended and call_analyzed build the call log. */
@ApplicationScoped
public class VoiceCallHandler implements InboundHandler {

    private final CallLog calls;

    public VoiceCallHandler(CallLog calls) {
        this.calls = calls;
    }

    @Override
    public boolean handles(Provider provider, String eventType) {
        return provider == Provider.VOICE && WebhookIdentities.CALL_EVENTS.contains(eventType);
    }

    @Override
    public void handle(InboundEvent event, JsonNode body) {
        calls.apply(event.companyId, event.integrationId, event.eventType, body.path("call"));
    }
}
