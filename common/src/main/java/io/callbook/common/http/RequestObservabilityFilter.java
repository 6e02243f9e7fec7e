package io.callbook.common.http;

import io.callbook.common.api.RequestId;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * First thing on every request: binds the request id, stamps {@code X-Response-Time} on the way
 * out and writes one JSON line for requests slower than the configured threshold. Slow lines are
 * capped per second: an overloaded service must not spend what it has left on logging that it is slow.
 */
@ApplicationScoped
public class RequestObservabilityFilter {

    private static final Logger SLOW = Logger.getLogger("callbook.slow-request");

    private final long slowThresholdNanos;
    private final int maxSlowLinesPerSecond;
    private final AtomicLong currentSecond = new AtomicLong();
    private final AtomicInteger linesThisSecond = new AtomicInteger();
    private final AtomicLong suppressed = new AtomicLong();

    public RequestObservabilityFilter(HttpConfig config) {
        this.slowThresholdNanos = config.slowRequestThreshold().toNanos();
        this.maxSlowLinesPerSecond = config.maxSlowRequestLinesPerSecond();
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
            if (elapsed >= slowThresholdNanos && mayLogSlowRequest()) {
                SLOW.warn(new JsonObject()
                        .put("event", "slow_request")
                        .put("method", ctx.request().method().name())
                        .put("path", ctx.request().path())
                        .put("status", response.getStatusCode())
                        .put("durationMs", elapsed / 1_000_000.0)
                        .put("requestId", requestId)
                        .put("suppressedSinceLastLine", suppressed.getAndSet(0))
                        .encode());
            }
        });
        ctx.next();
    }

    private boolean mayLogSlowRequest() {
        long second = System.currentTimeMillis() / 1000;
        long seen = currentSecond.get();
        if (seen != second && currentSecond.compareAndSet(seen, second)) {
            linesThisSecond.set(0);
        }
        if (linesThisSecond.incrementAndGet() <= maxSlowLinesPerSecond) {
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }

    /** Microsecond precision without String.format, which showed up in profiles at thousands of requests a second. */
    static String formatMillis(long nanos) {
        long micros = nanos / 1_000;
        long fraction = micros % 1_000;
        return (micros / 1_000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction + "ms";
    }
}
