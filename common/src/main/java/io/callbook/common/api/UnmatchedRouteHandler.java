package io.callbook.common.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Requests that no REST resource, health or metrics route claims would get Vert.x's plain-text 404;
 * this last route answers them with a problem instead, so clients see one error format everywhere.
 */
@ApplicationScoped
public class UnmatchedRouteHandler {

    private final ObjectMapper json;

    public UnmatchedRouteHandler(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> ProblemResponses.send(ctx,
                Problem.of(404, "not-found", "Not found", "No resource at " + ctx.request().path()), json));
    }
}
