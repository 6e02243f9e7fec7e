package io.callbook.common.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An outbox event continues the trace of the request that wrote it, though the relay sends it later from another
 * thread: the row keeps the request's W3C traceparent, the record carries it, and the consumer's span and log lines
 * are in the same trace. Real PostgreSQL and Kafka; spans as an exporter would send them (InMemorySpans).
 */
@QuarkusTest
class OutboxTracingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OutboxRelay relay;

    @Inject
    Tracer tracer;

    @Inject
    DataSource dataSource;

    @Test
    void theConsumerOfAnEventContinuesTheTraceOfTheRequestThatWroteIt() throws SQLException {
        String[] answer = given().post("/test/traced-events/thing-" + UUID.randomUUID())
                .then().statusCode(200).extract().asString().split(" ");
        String eventId = answer[0];
        String requestTrace = answer[1];

        assertTrue(traceParentOf(eventId).matches("00-" + requestTrace + "-[0-9a-f]{16}-01"), traceParentOf(eventId));
        TracedEventsTestConsumer.Handled handled = await().atMost(PATIENCE)
                .until(() -> TracedEventsTestConsumer.HANDLED.get(eventId), seen -> seen != null);
        assertEquals(requestTrace, handled.spanTraceId(), "the consumer works inside the request's trace");
        assertEquals(requestTrace, handled.loggedTraceId(), "and its log lines say so");
        List<SpanData> trace = await().atMost(PATIENCE).until(() -> spansOf(requestTrace),
                found -> kinds(found).containsAll(List.of(SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER)));
        SpanData server = only(trace, SpanKind.SERVER);
        SpanData producer = only(trace, SpanKind.PRODUCER);
        SpanData consumer = only(trace, SpanKind.CONSUMER);
        assertEquals(server.getSpanId(), producer.getParentSpanId(), "the relay sends as the request's child");
        assertEquals(producer.getSpanId(), consumer.getParentSpanId(), "the consumer receives what the relay sent");
        assertEquals(TracedEventsTestResource.TOPIC + " publish", producer.getName());
    }

    /**
     * The relay sends whatever any replica wrote, under whatever context its own thread has: the record still names
     * the writer's trace, not the relay's.
     */
    @Test
    void anEventKeepsItsWritersTraceWhicheverThreadRelaysIt() throws SQLException {
        String writerTrace = UUID.randomUUID().toString().replace("-", "");
        String traceParent = "00-" + writerTrace + "-00f067aa0ba902b7-01";
        String eventId = insert(traceParent);

        Span relayRun = tracer.spanBuilder("some other work on the relay's thread").startSpan();
        try (Scope ignored = relayRun.makeCurrent()) {
            relay.relayPending();
        } finally {
            relayRun.end();
        }

        TracedEventsTestConsumer.Handled handled = await().atMost(PATIENCE)
                .until(() -> TracedEventsTestConsumer.HANDLED.get(eventId), seen -> seen != null);
        assertEquals(writerTrace, handled.spanTraceId());
        assertNotEquals(relayRun.getSpanContext().getTraceId(), handled.spanTraceId());
        SpanData producer = only(await().atMost(PATIENCE).until(() -> spansOf(writerTrace),
                found -> kinds(found).containsAll(List.of(SpanKind.PRODUCER, SpanKind.CONSUMER))), SpanKind.PRODUCER);
        assertEquals("00f067aa0ba902b7", producer.getParentSpanId(), "sent as the writer's child");
    }

    @Test
    void anEventWrittenOutsideAnyTraceIsSentInATraceOfItsOwn() throws SQLException {
        String eventId = insert(null);

        relay.relayPending();

        TracedEventsTestConsumer.Handled handled = await().atMost(PATIENCE)
                .until(() -> TracedEventsTestConsumer.HANDLED.get(eventId), seen -> seen != null);
        List<SpanData> trace = await().atMost(PATIENCE).until(() -> spansOf(handled.spanTraceId()),
                found -> kinds(found).containsAll(List.of(SpanKind.PRODUCER, SpanKind.CONSUMER)));
        assertFalse(only(trace, SpanKind.PRODUCER).getParentSpanContext().isValid(), "the send starts it");
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static List<SpanKind> kinds(List<SpanData> spans) {
        return spans.stream().map(SpanData::getKind).toList();
    }

    private static SpanData only(List<SpanData> spans, SpanKind kind) {
        List<SpanData> ofKind = spans.stream().filter(span -> span.getKind() == kind).toList();
        assertEquals(1, ofKind.size(), kind + " spans: " + spans);
        return ofKind.get(0);
    }

    private String traceParentOf(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select trace_parent from outbox where event_id = ?")) {
            query.setObject(1, UUID.fromString(eventId));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "no row";
            }
        }
    }

    /** A row as another replica's transaction left it, without waking this replica's relay. */
    private String insert(String traceParent) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox (event_id, topic, event_type, aggregate_id, payload, trace_parent)
                     values (?, ?, 'callbook.test.thing-changed.v1', ?, '{}'::jsonb, ?)""")) {
            insert.setObject(1, eventId);
            insert.setString(2, TracedEventsTestResource.TOPIC);
            insert.setString(3, "inserted-" + eventId);
            insert.setString(4, traceParent);
            insert.executeUpdate();
        }
        return eventId.toString();
    }
}
