package io.callbook.perfops.loadtest.api;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.perfops.loadtest.domain.InvalidLoadTest;
import io.callbook.perfops.loadtest.domain.LoadTestRunning;
import io.callbook.perfops.loadtest.domain.LoadTestsUnavailable;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problems of the load-test API. */
public class LoadTestExceptionMappers {

    @ServerExceptionMapper
    public Response running(LoadTestRunning e, HttpServerRequest request) {
        Problem problem = Problem.of(409, "loadtest-in-progress", "A load test is running",
                "Another load test is running; start this one when it has ended");
        return ProblemResponses.of(e.runningId() == null ? problem : problem.with("running", e.runningId().toString()), request);
    }

    @ServerExceptionMapper
    public Response unavailable(LoadTestsUnavailable e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(503, "loadtests-unavailable", "Load tests are not available here",
                "perf-ops-service has no bench command here (callbook.ops.loadtest.root or .command); load tests run"
                        + " where the suite runs from its repository (./callbook up)"), request);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidLoadTest e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(400, "invalid-loadtest", "Invalid load test", e.detail()), request);
    }
}
