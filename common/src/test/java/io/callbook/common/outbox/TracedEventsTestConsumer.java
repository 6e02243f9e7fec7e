package io.callbook.common.outbox;

import io.callbook.common.events.IncomingEvent;
import io.opentelemetry.api.trace.Span;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Consumes the test topic as a service's consumer does and notes which trace each event was handled in. */
@ApplicationScoped
public class TracedEventsTestConsumer {

    /** The trace an event was handled in: the current span's, and the one its log lines carry. */
    record Handled(String spanTraceId, Object loggedTraceId) {
    }

    static final Map<String, Handled> HANDLED = new ConcurrentHashMap<>();

    @Incoming("traced-test")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message);
        HANDLED.put(event.id(), new Handled(Span.current().getSpanContext().getTraceId(), MDC.get("traceId")));
        return message.ack();
    }
}
