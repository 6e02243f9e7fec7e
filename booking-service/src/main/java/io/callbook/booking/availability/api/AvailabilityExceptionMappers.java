package io.callbook.booking.availability.api;

import io.callbook.booking.availability.domain.InvalidDateRange;
import io.callbook.booking.availability.domain.ServiceInactive;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.api.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The errors of the availability API. */
public class AvailabilityExceptionMappers {

    @ServerExceptionMapper
    public Response invalidRange(InvalidDateRange e, HttpServerRequest request) {
        Problem problem = Problem.of(400, "invalid-range", "Invalid date range", e.detail());
        return ProblemResponses.of(e.maxDays() == null ? problem : problem.with("maxDays", e.maxDays()), request);
    }

    @ServerExceptionMapper
    public Response serviceInactive(ServiceInactive e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(422, "service-inactive", "Service inactive",
                "Service " + e.serviceId() + " is inactive and cannot be booked"), request);
    }
}
