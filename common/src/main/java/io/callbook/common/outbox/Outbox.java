package io.callbook.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} publishes it after commit.
 * Because the event and the change it describes commit or roll back together, a change is never
 * lost to a Kafka outage and an event is never sent for a change that did not happen.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    public Outbox(EntityManager entityManager, ObjectMapper json, Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.json = json;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String eventType, String aggregateId, UUID tenantId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.eventType = eventType;
        event.aggregateId = aggregateId;
        event.tenantId = tenantId;
        event.payload = toJson(data);
        event.requestId = RequestId.current();
        // The relay sends the event later from another thread: keep the writer's trace for the consumers to continue.
        Map<String, String> trace = TraceHeaders.current();
        event.traceParent = trace.get(TraceHeaders.TRACEPARENT);
        event.traceState = trace.get(TraceHeaders.TRACESTATE);
        event.createdAt = Instant.now();
        entityManager.persist(event);
        written.fire(OutboxWritten.INSTANCE);
        return event.eventId;
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass(), e);
        }
    }
}
