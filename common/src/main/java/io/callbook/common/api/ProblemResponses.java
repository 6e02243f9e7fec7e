package io.callbook.common.api;

import io.callbook.common.http.RequestId;
import io.vertx.core.http.HttpServerRequest;
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
}
