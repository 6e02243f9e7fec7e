package io.callbook.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared oversized body before it is read, with a problem rather than Vert.x's empty 413. A chunked body,
 * of no declared length, is counted as it arrives by {@link EventLoopBodyReader} against the same limit.
 */
@ApplicationScoped
public class RequestSizeLimitFilter {

    private final long maxBytes;
    private final ObjectMapper json;

    public RequestSizeLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                                  MemorySize maxBodySize, ObjectMapper json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 900);
    }

    void handle(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            ctx.response().putHeader("Connection", "close");
            ProblemResponses.send(ctx, tooLarge(length), json);
            return;
        }
        ctx.next();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** @param bodySize what is known of the body's size, e.g. {@code 2000000} or {@code more than 1048576} */
    Problem tooLarge(String bodySize) {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "The body has " + bodySize + " bytes; the limit is " + maxBytes);
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
