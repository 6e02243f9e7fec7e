package io.callbook.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Refuses a declared oversized body before it is read, with a problem rather than Vert.x's empty 413 (a chunked body
 * without a length is cut off at the same limit, with an empty 413), and otherwise reads the whole body on the event
 * loop.
 * <p>
 * Why read it here: a blocking resource method otherwise reads its body on the worker thread through RESTEasy's
 * blocking input stream, and every request then pays a hand-off back and forth between worker and event loop (a
 * monitor wait, a notify and a selector wake-up). Profiles of the webhook and voice endpoints showed that hand-off as
 * the largest single item of the event loop's time. RESTEasy takes a body read this way as it is
 * ({@code RoutingContext.body()}). Our non-blocking resources are all GETs; one that takes a body would find it read
 * already and must take it from the routing context.
 */
@ApplicationScoped
public class RequestBodyFilter {

    /** Runs early, before the resources' routes. */
    static final int PRIORITY = 900;
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long maxBytes;
    private final ObjectMapper json;
    private final BodyHandler reader;

    public RequestBodyFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                             MemorySize maxBodySize, ObjectMapper json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.json = json;
        this.reader = BodyHandler.create(false).setBodyLimit(maxBytes).setPreallocateBodyBuffer(true)
                .setMergeFormAttributes(false);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            tooLarge(ctx, "The body has " + length + " bytes; the limit is " + maxBytes);
            return;
        }
        if (WITH_BODY.contains(ctx.request().method())) {
            reader.handle(ctx);
        } else {
            ctx.next();
        }
    }

    private void tooLarge(RoutingContext ctx, String detail) {
        ctx.response().putHeader("Connection", "close");
        ProblemResponses.send(ctx, Problem.of(413, "payload-too-large", "Payload too large", detail), json);
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
