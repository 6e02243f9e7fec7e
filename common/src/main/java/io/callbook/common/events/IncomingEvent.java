package io.callbook.common.events;

import io.callbook.common.api.RequestId;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/** The parts of a received Callbook event a consumer needs, read from its CloudEvents envelope. */
public record IncomingEvent(String id, String type, String subject, String tenant, String data) {

    /** The CloudEvents extension attribute that names the event's tenant. */
    public static final String TENANT_EXTENSION = "tenant";

    /** Reads the envelope and binds the event's request id to this thread's log lines. */
    @SuppressWarnings("unchecked")
    public static IncomingEvent of(Message<String> message) {
        message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader(RequestId.HEADER))
                .map(Header::value)
                .ifPresent(value -> RequestId.bind(new String(value, StandardCharsets.UTF_8)));
        Optional<IncomingCloudEventMetadata<String>> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(metadata -> (IncomingCloudEventMetadata<String>) metadata);
        return cloudEvent
                .map(ce -> new IncomingEvent(ce.getId(), ce.getType(), ce.getSubject().orElse(null),
                        ce.getExtension(TENANT_EXTENSION).map(Object::toString).orElse(null),
                        message.getPayload()))
                .orElseGet(() -> new IncomingEvent(null, null, null, null, message.getPayload()));
    }

    /** When the event happened, as its envelope says; empty for a message without one. */
    public static Optional<Instant> occurredAt(Message<?> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class).flatMap(IncomingEvent::time);
    }

    private static Optional<Instant> time(IncomingCloudEventMetadata<?> cloudEvent) {
        return cloudEvent.getTimeStamp().map(ZonedDateTime::toInstant);
    }
}
