package io.callbook.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared oversized body before it is read, with a problem rather than Vert.x's empty 413, and reads
 * every other HTTP/1 body completely on the event loop. Without that, a blocking endpoint's worker thread reads
 * the body itself, waiting for the event loop to hand over the bytes: under load hundreds of workers sat waiting
 * for bodies already received, and bookings timed out. (Chunked bodies without a length are cut off at the same
 * limit. HTTP/2 requests keep the default path: REST's request context pauses them, which a read body forbids.)
 */
@ApplicationScoped
public class RequestSizeLimitFilter {

    private final long maxBytes;
    private final ObjectMapper json;
    private final BodyHandler bodyReader;

    public RequestSizeLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                                  MemorySize maxBodySize, ObjectMapper json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.json = json;
        this.bodyReader = BodyHandler.create(false).setBodyLimit(maxBytes);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 900);
    }

    void handle(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            ctx.response().putHeader("Connection", "close");
            ProblemResponses.send(ctx, Problem.of(413, "payload-too-large", "Payload too large",
                    "The body has " + length + " bytes; the limit is " + maxBytes), json);
            return;
        }
        if (ctx.request().version() != HttpVersion.HTTP_2 && mayHaveBody(ctx.request().method())) {
            bodyReader.handle(ctx);
        } else {
            ctx.next();
        }
    }

    private static boolean mayHaveBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH || method == HttpMethod.DELETE;
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
