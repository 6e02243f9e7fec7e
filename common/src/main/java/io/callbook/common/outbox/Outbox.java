package io.callbook.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.engine.spi.SessionImplementor;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} publishes it after commit.
 * Because the event and the change it describes commit or roll back together, a change is never
 * lost to a Kafka outage and an event is never sent for a change that did not happen.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox (event_id, topic, event_type, aggregate_id, tenant_id, payload, request_id, trace_parent,
                                trace_state, created_at)
            values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    public Outbox(EntityManager entityManager, ObjectMapper json, Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.json = json;
        this.written = written;
    }

    /** @return the event's id */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String eventType, String aggregateId, UUID tenantId, Object data) {
        return insert(topic, eventType, List.of(new Message(aggregateId, tenantId, data))).get(0);
    }

    /**
     * Records events of one type in the caller's transaction, in this order, with one JDBC batch: one round trip for
     * all of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String topic, String eventType, List<Message> messages) {
        if (!messages.isEmpty()) {
            insert(topic, eventType, messages);
        }
    }

    /**
     * Plain JDBC, not an entity persisted: the row is never read or changed in this transaction, and Hibernate's
     * persist (events, an identity insert, the entity kept for dirty checking at every flush) cost as much CPU as the
     * insert's round trip itself on the booking path. The statement is still shown to the session's inspector, like
     * every statement Hibernate sends, so that whatever counts a request's statements counts this one too.
     */
    private List<UUID> insert(String topic, String eventType, List<Message> messages) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        String sql = session.getJdbcSessionContext().getStatementInspector().inspect(INSERT);
        String requestId = RequestId.current();
        // The relay sends the events later from another thread: keep the writer's trace for the consumers to continue.
        Map<String, String> trace = TraceHeaders.current();
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>(messages.size());
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (Message message : messages) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    insert.setObject(1, id);
                    insert.setString(2, topic);
                    insert.setString(3, eventType);
                    insert.setString(4, message.aggregateId());
                    insert.setObject(5, message.tenantId());
                    insert.setString(6, toJson(message.data()));
                    insert.setString(7, requestId);
                    insert.setString(8, trace.get(TraceHeaders.TRACEPARENT));
                    insert.setString(9, trace.get(TraceHeaders.TRACESTATE));
                    insert.setObject(10, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(OutboxWritten.INSTANCE);
        return ids;
    }

    /** One event of {@link #publishAll}: Kafka's key (the order it keeps), the tenant and the data. */
    public record Message(String aggregateId, UUID tenantId, Object data) {
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass(), e);
        }
    }
}
