package io.callbook.perfops.operation.api;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.perfops.operation.domain.NothingToRun;
import io.callbook.perfops.operation.domain.OpsException;
import io.callbook.perfops.operation.domain.ReportNotFound;
import io.callbook.perfops.operation.domain.RunInProgress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem each broken rule of ops runs answers with. */
public class OpsExceptionMappers {

    @ServerExceptionMapper
    public Response ops(OpsException e, HttpServerRequest request) {
        String detail = e.getMessage();
        Problem problem = switch (e) {
            case ReportNotFound ignored -> Problem.of(404, "not-found", "Not found", detail);
            case RunInProgress ignored -> Problem.of(409, "run-in-progress", "A run is in progress", detail);
            case NothingToRun ignored -> Problem.of(400, "nothing-to-run", "Nothing to run", detail);
        };
        return ProblemResponses.of(problem, request);
    }
}
