package io.callbook.common.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context an outbox event carries from the transaction that wrote it to its consumers: the Kafka headers
 * {@code traceparent} and {@code tracestate} (CloudEvents' distributed-tracing extension in binary mode), which
 * SmallRye Reactive Messaging's Kafka tracing reads on every consumer. Always W3C, whatever propagators a service
 * configures, since that is what the outbox columns hold.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceHeaders() {
    }

    /** The current span's context as W3C headers; empty when no span is current (nothing traced, tracing off). */
    public static Map<String, String> current() {
        Map<String, String> headers = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, (carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        });
        return headers;
    }

    /**
     * The context a stored traceparent names, to send the event under; the root context (a trace of its own) when
     * there is none or it cannot be read.
     */
    public static Context restore(String traceParent, String traceState) {
        if (traceParent == null) {
            return Context.root();
        }
        Map<String, String> headers = new HashMap<>(2);
        headers.put(TRACEPARENT, traceParent);
        if (traceState != null) {
            headers.put(TRACESTATE, traceState);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, FROM_MAP);
    }
}
