package io.callbook.common.http;

import io.callbook.common.api.RequestId;
import io.callbook.common.api.RequestTenant;
import io.callbook.common.persistence.RepeatedStatements;
import io.callbook.common.persistence.RequestStatements;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * First thing on every request: binds the request id and its arrival ({@link RequestArrival}), stamps
 * {@code X-Response-Time} on the way out and writes one JSON line for requests slower than the configured threshold.
 * Slow lines are capped per second: an overloaded service must not spend what it has left on logging that it is slow.
 * It also counts the request's SQL statements and reports those it repeated ({@link RepeatedStatements}).
 */
@ApplicationScoped
public class RequestObservabilityFilter {

    private static final Logger SLOW = Logger.getLogger("callbook.slow-request");
    /** Where Quarkus REST leaves the matched route template in the request's context (its metrics read it there). */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    private final long slowThresholdNanos;
    private final int maxSlowLinesPerSecond;
    private final AtomicLong currentSecond = new AtomicLong();
    private final AtomicInteger linesThisSecond = new AtomicInteger();
    private final AtomicLong suppressed = new AtomicLong();
    private final RepeatedStatements repeatedStatements;

    public RequestObservabilityFilter(HttpConfig config, RepeatedStatements repeatedStatements) {
        this.slowThresholdNanos = config.slowRequestThreshold().toNanos();
        this.maxSlowLinesPerSecond = config.maxSlowRequestLinesPerSecond();
        this.repeatedStatements = repeatedStatements;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1_000);
    }

    void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        RequestArrival.bind(start);
        String requestId = RequestId.acceptOrCreate(ctx.request().getHeader(RequestId.HEADER));
        RequestId.bind(requestId);
        RequestTenant.clear();
        HttpServerResponse response = ctx.response();
        response.putHeader(RequestId.HEADER, requestId);
        ctx.addHeadersEndHandler(v -> response.putHeader("X-Response-Time", formatMillis(System.nanoTime() - start)));
        Context requestContext = Vertx.currentContext();
        RequestStatements statements = repeatedStatements.start();
        ctx.addEndHandler(v -> {
            repeatedStatements.finish(statements, () -> route(ctx, requestContext), requestId);
            long elapsed = System.nanoTime() - start;
            if (elapsed >= slowThresholdNanos && !isEventStream(response) && mayLogSlowRequest()) {
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

    /** A server-sent event stream stays open as long as its reader wants: long by design, not slow. */
    private static boolean isEventStream(HttpServerResponse response) {
        String type = response.headers().get("Content-Type");
        return type != null && type.startsWith("text/event-stream");
    }

    /** The route as metrics name it, e.g. {@code GET /v1/companies/{id}}: a template, never the raw path. */
    static String route(RoutingContext ctx, Context requestContext) {
        Object template = requestContext != null && VertxContext.isDuplicatedContext(requestContext)
                ? requestContext.getLocal(ROUTE_TEMPLATE) : null;
        if (template == null && ctx.currentRoute() != null) {
            template = ctx.currentRoute().getPath();
        }
        return ctx.request().method().name() + " " + (template == null ? "UNKNOWN" : template);
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
