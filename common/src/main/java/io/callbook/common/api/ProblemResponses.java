package io.callbook.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/** Builds the one response shape every error of every service has. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem, HttpServerRequest request) {
        Problem located = problem.at(request == null ? null : request.path(), RequestId.current());
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(located)
                .build();
    }

    /** The same problem, written straight to Vert.x for errors that happen outside the REST layer. */
    public static void send(RoutingContext ctx, Problem problem, ObjectMapper json) {
        Problem located = problem.at(ctx.request().path(), RequestId.current());
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(located));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
