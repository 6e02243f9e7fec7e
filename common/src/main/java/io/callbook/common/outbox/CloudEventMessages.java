package io.callbook.common.outbox;

import io.callbook.common.api.RequestId;
import io.callbook.common.events.IncomingEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * The one envelope of every Callbook event: CloudEvents 1.0 in binary mode (ce_* headers, JSON
 * data), the {@code tenant} extension attribute, the aggregate id as Kafka key so one aggregate's
 * events stay in order, the request id as a header for the logs, and for an outbox event the W3C trace context
 * ({@code traceparent}, {@code tracestate}) of the transaction that wrote it, so that the consumers' spans continue that
 * trace.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    public static Message<String> of(OutboxEvent event, String source, CompletableFuture<Void> ack) {
        RecordHeaders headers = headers(event.requestId);
        if (event.traceParent != null) {
            headers.add(TraceHeaders.TRACEPARENT, event.traceParent.getBytes(StandardCharsets.UTF_8));
            if (event.traceState != null) {
                headers.add(TraceHeaders.TRACESTATE, event.traceState.getBytes(StandardCharsets.UTF_8));
            }
        }
        // The relay runs on its own thread, under no trace or under the trace of whichever commit woke it. Left alone,
        // the connector's tracing would send the record under that context and add its traceparent after ours (a
        // consumer reads the last one). Named here, its publish span joins the writer's trace instead, and the header
        // it adds points at that span. An event written outside any trace starts a trace of its own.
        TracingMetadata trace = TracingMetadata.withCurrent(TraceHeaders.restore(event.traceParent, event.traceState));
        return of(event.topic, event.eventType, event.eventId.toString(), event.aggregateId,
                event.tenantId == null ? "" : event.tenantId.toString(), event.payload, event.createdAt, headers, trace,
                source, ack);
    }

    /**
     * The same envelope for an event that does not go through the outbox (ops commands and replies, which are
     * ephemeral). {@code key} is also the CloudEvents subject; {@code tenant} is empty for suite-wide events.
     *
     * @param ack completed when Kafka acknowledged the record, exceptionally when it did not
     */
    public static Message<String> of(String topic, String eventType, String eventId, String key, String tenant,
                                     String payload, Instant time, String requestId, String source,
                                     CompletableFuture<Void> ack) {
        return of(topic, eventType, eventId, key, tenant, payload, time, headers(requestId), null, source, ack);
    }

    private static RecordHeaders headers(String requestId) {
        RecordHeaders headers = new RecordHeaders();
        if (requestId != null) {
            headers.add(RequestId.HEADER, requestId.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static Message<String> of(String topic, String eventType, String eventId, String key, String tenant,
                                      String payload, Instant time, RecordHeaders headers, TracingMetadata trace,
                                      String source, CompletableFuture<Void> ack) {
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build();
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(eventId)
                .withType(eventType)
                .withSource(URI.create(source))
                .withSubject(key)
                .withDataContentType("application/json")
                .withTimestamp(time.atZone(ZoneOffset.UTC))
                .withExtension(IncomingEvent.TENANT_EXTENSION, tenant == null ? "" : tenant)
                .build();
        return Message.of(payload, trace == null ? Metadata.of(kafka, cloudEvent) : Metadata.of(kafka, cloudEvent, trace),
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
