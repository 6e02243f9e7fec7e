package io.callbook.webhook.live.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.webhook.CallActivityEvents;
import io.callbook.common.events.IncomingEvent;
import io.callbook.webhook.live.domain.LiveCalls;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.CompletionStage;

/**
 * Call activity for this replica's live streams. Every replica reads the topic in a consumer group of its own from the
 * latest offset (application.properties): a stream shows what happens while it is open, and a (re)started replica
 * never replays old activity. Nothing is stored and nothing is queried: the activity is handed on as it came.
 */
@ApplicationScoped
public class CallActivityConsumer {

    private static final Logger LOG = Logger.getLogger(CallActivityConsumer.class);

    private final LiveCalls live;
    private final ObjectMapper json;

    public CallActivityConsumer(LiveCalls live, ObjectMapper json) {
        this.live = live;
        this.json = json;
    }

    @Incoming("call-activity")
    public CompletionStage<Void> onActivity(Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message);
        if (CallActivityEvents.ACTIVITY.equals(event.type())) {
            try {
                live.deliver(json.readValue(event.data(), CallActivityEvents.Activity.class));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Call activity %s could not be read; skipped: %s", event.id(), e.toString());
            }
        }
        return message.ack();
    }
}
