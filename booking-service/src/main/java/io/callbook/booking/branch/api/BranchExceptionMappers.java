package io.callbook.booking.branch.api;

import io.callbook.booking.branch.domain.BranchNotFound;
import io.callbook.common.api.ProblemException;
import io.callbook.common.api.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A branch another feature's request names and this service does not know answers 404. */
public class BranchExceptionMappers {

    @ServerExceptionMapper
    public Response notFound(BranchNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.notFound("Branch " + e.branchId()).problem(), request);
    }
}
