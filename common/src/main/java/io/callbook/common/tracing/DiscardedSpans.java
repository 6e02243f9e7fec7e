package io.callbook.common.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Where no OTLP endpoint is configured (tests, dev mode, the local run, a cluster without a collector), spans are
 * still made, so trace ids travel with requests and events and appear in the logs, but they go nowhere. Without this
 * bean Quarkus would export to its default, localhost:4317, and log every failed attempt. Any {@link SpanExporter}
 * bean stops Quarkus from making its OTLP exporter, so this one is only there while the endpoint is Quarkus's default:
 * set {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} and it steps aside. (A collector on that very address is reached as
 * {@code http://127.0.0.1:4317}.)
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = "http://localhost:4317/",
        lookupIfMissing = true)
public class DiscardedSpans implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
