package io.callbook.common.outbox;

import io.callbook.common.api.RequestId;
import io.callbook.common.events.IncomingEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * The one envelope of every Callbook event: CloudEvents 1.0 in binary mode (ce_* headers, JSON
 * data), the {@code tenant} extension attribute, the aggregate id as Kafka key so one aggregate's
 * events stay in order, and the request id as a header for tracing.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    public static Message<String> of(OutboxEvent event, String source, CompletableFuture<Void> ack) {
        RecordHeaders headers = new RecordHeaders();
        if (event.requestId != null) {
            headers.add(RequestId.HEADER, event.requestId.getBytes(StandardCharsets.UTF_8));
        }
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.aggregateId)
                .withHeaders(headers)
                .build();
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withType(event.eventType)
                .withSource(URI.create(source))
                .withSubject(event.aggregateId)
                .withDataContentType("application/json")
                .withTimestamp(event.createdAt.atZone(ZoneOffset.UTC))
                .withExtension(IncomingEvent.TENANT_EXTENSION, event.tenantId == null ? "" : event.tenantId.toString())
                .build();
        return Message.of(event.payload, Metadata.of(kafka, cloudEvent),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
