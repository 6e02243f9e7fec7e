package io.callbook.webhook.live.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.RequestId;
import io.callbook.common.contracts.webhook.CallActivityEvents;
import io.callbook.common.contracts.webhook.CallActivityEvents.Activity;
import io.callbook.common.outbox.CloudEventMessages;
import io.callbook.common.outbox.OutboxConfig;
import io.callbook.webhook.live.domain.ActivityChannel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Live activity straight to Kafka, in the suite's envelope: activity is worth something only while someone watches,
 * like an ops message (common's OpsPublisher), so it is not stored first. Through the outbox it cost each voice function
 * a transaction of its own before the caller got the answer, and each processed call event an insert and a relay pass.
 */
@ApplicationScoped
public class KafkaActivityChannel implements ActivityChannel {

    private static final Logger LOG = Logger.getLogger(KafkaActivityChannel.class);

    private final Emitter<String> emitter;
    private final ObjectMapper json;
    private final String source;

    public KafkaActivityChannel(@Channel("call-activity-out") Emitter<String> emitter, ObjectMapper json,
                                OutboxConfig outbox) {
        this.emitter = emitter;
        this.json = json;
        this.source = outbox.source();
    }

    @Override
    public void send(Activity activity) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        ack.exceptionally(e -> {
            LOG.debugf("Live activity %s of call %s not sent: %s", activity.type(), activity.callId(), e.toString());
            return null;
        });
        try {
            emitter.send(CloudEventMessages.of(CallActivityEvents.TOPIC, CallActivityEvents.ACTIVITY,
                    UUID.randomUUID().toString(), activity.eventKey(),
                    activity.companyId().toString(), json.writeValueAsString(activity), Instant.now(),
                    RequestId.current(), source, ack));
        } catch (JsonProcessingException | RuntimeException e) {
            ack.completeExceptionally(e);
        }
    }
}
