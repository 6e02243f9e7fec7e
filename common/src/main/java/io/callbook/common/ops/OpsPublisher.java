package io.callbook.common.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.RequestId;
import io.callbook.common.contracts.ops.OpsEvents;
import io.callbook.common.outbox.CloudEventMessages;
import io.callbook.common.outbox.OutboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends ops commands and replies on {@link OpsEvents#TOPIC}, in the suite's CloudEvents envelope, keyed by the
 * command's id.
 *
 * <p>Straight to Kafka, not through the outbox: an ops message is worth something only while someone waits for it
 * (seconds). Stored and relayed later, after a Kafka outage, it would arrive when nobody listens any more, and the
 * outbox guarantees delivery of facts that must not be lost, which these are not.
 */
@ApplicationScoped
public class OpsPublisher {

    private final Emitter<String> emitter;
    private final ObjectMapper json;
    private final String source;

    public OpsPublisher(@Channel("ops-out") Emitter<String> emitter, ObjectMapper json, OutboxConfig outbox) {
        this.emitter = emitter;
        this.json = json;
        this.source = outbox.source();
    }

    /** @return completed when Kafka acknowledged the message, failed when it did not or could not take it */
    public CompletionStage<Void> send(String eventType, UUID commandId, Object data) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            // A command is its own event; each reply to it is an event of its own.
            String eventId = OpsEvents.isCommand(eventType) ? commandId.toString() : UUID.randomUUID().toString();
            emitter.send(CloudEventMessages.of(OpsEvents.TOPIC, eventType, eventId,
                    commandId.toString(), "", json.writeValueAsString(data), Instant.now(), RequestId.current(),
                    source, ack));
        } catch (JsonProcessingException | RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
