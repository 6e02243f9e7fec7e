package io.callbook.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * First thing on every request: binds the request id, stamps {@code X-Response-Time} on the way
 * out and writes one JSON line for requests slower than the configured threshold.
 */
@ApplicationScoped
public class RequestObservabilityFilter {

    private static final Logger SLOW = Logger.getLogger("callbook.slow-request");

    private final long slowThresholdNanos;

    public RequestObservabilityFilter(HttpConfig config) {
        this.slowThresholdNanos = config.slowRequestThreshold().toNanos();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1_000);
    }

    void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        String requestId = RequestId.acceptOrCreate(ctx.request().getHeader(RequestId.HEADER));
        RequestId.bind(requestId);
        HttpServerResponse response = ctx.response();
        response.putHeader(RequestId.HEADER, requestId);
        ctx.addHeadersEndHandler(v -> response.putHeader("X-Response-Time", formatMillis(System.nanoTime() - start)));
        ctx.addEndHandler(v -> {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= slowThresholdNanos) {
                SLOW.warn(new JsonObject()
                        .put("event", "slow_request")
                        .put("method", ctx.request().method().name())
                        .put("path", ctx.request().path())
                        .put("status", response.getStatusCode())
                        .put("durationMs", elapsed / 1_000_000.0)
                        .put("requestId", requestId)
                        .encode());
            }
        });
        ctx.next();
    }

    static String formatMillis(long nanos) {
        return String.format(Locale.ROOT, "%.3fms", nanos / 1_000_000.0);
    }
}
