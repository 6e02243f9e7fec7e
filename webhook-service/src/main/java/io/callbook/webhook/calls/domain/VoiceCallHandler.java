package io.callbook.webhook.calls.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.webhook.inbound.domain.InboundEvent;
import io.callbook.webhook.inbound.domain.InboundHandler;
import io.callbook.webhook.inbound.domain.VoiceTransfer;
import io.callbook.webhook.inbound.domain.WebhookIdentities;
import io.callbook.webhook.integration.domain.Provider;
import io.callbook.webhook.live.domain.LiveActivity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * call_started, call_ended, call_analyzed and the transfer events build the call log; each is also told to the live
 * view, from the event's own body.
 */
@ApplicationScoped
public class VoiceCallHandler implements InboundHandler {

    private final CallLog calls;
    private final LiveActivity activity;

    public VoiceCallHandler(CallLog calls, LiveActivity activity) {
        this.calls = calls;
        this.activity = activity;
    }

    @Override
    public boolean handles(Provider provider, String eventType) {
        return provider == Provider.VOICE && (WebhookIdentities.CALL_EVENTS.contains(eventType)
                || WebhookIdentities.TRANSFER_EVENTS.contains(eventType));
    }

    @Override
    public void prepare(List<Received> events) {
        calls.lockAll(events.stream().map(received -> new CallLog.CallRef(received.event().companyId,
                received.event().integrationId, received.body().path("call").path("call_id").asText())).toList());
    }

    @Override
    public void handle(InboundEvent event, JsonNode body) {
        Call call = calls.apply(event.companyId, event.integrationId, event.eventType, body.path("call"));
        if (WebhookIdentities.TRANSFER_EVENTS.contains(event.eventType)) {
            VoiceTransfer transfer = VoiceTransfer.of(body);
            calls.recordTransfer(call, VoiceTransfer.status(event.eventType), transfer.destination(), transfer.type());
        }
        activity.callEvent(event.companyId, event.eventType, body);
    }
}
