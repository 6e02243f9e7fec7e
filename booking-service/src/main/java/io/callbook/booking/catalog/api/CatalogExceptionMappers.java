package io.callbook.booking.catalog.api;

import io.callbook.booking.branch.domain.BranchNotFound;
import io.callbook.booking.catalog.domain.InvalidHours;
import io.callbook.booking.catalog.domain.PriceWithoutCurrency;
import io.callbook.booking.catalog.domain.ServiceNotFound;
import io.callbook.booking.catalog.domain.StaffHasAppointments;
import io.callbook.booking.catalog.domain.StaffNotFound;
import io.callbook.booking.catalog.domain.UnknownServices;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.api.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The errors of the services and staff API, also where other features' requests reach them. */
public class CatalogExceptionMappers {

    @ServerExceptionMapper
    public Response serviceNotFound(ServiceNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.notFound("Service " + e.serviceId()).problem(), request);
    }

    @ServerExceptionMapper
    public Response staffNotFound(StaffNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.notFound("Staff member " + e.staffId()).problem(), request);
    }

    @ServerExceptionMapper
    public Response staffHasAppointments(StaffHasAppointments e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.conflict("Staff member " + e.staffId() + " still has " + e.upcoming()
                + " upcoming appointment(s); cancel or reschedule them first").problem(), request);
    }

    @ServerExceptionMapper
    public Response priceWithoutCurrency(PriceWithoutCurrency e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.unprocessable("invalid-price", "Invalid price",
                "priceCents and currency go together").problem(), request);
    }

    @ServerExceptionMapper
    public Response unknownServices(UnknownServices e, HttpServerRequest request) {
        return ProblemResponses.of(problem(e), request);
    }

    @ServerExceptionMapper
    public Response invalidHours(InvalidHours e, HttpServerRequest request) {
        return ProblemResponses.of(problem(e), request);
    }

    /** The problem of one staff item, alone or in a batch. */
    static Problem problem(RuntimeException failure) {
        return switch (failure) {
            case BranchNotFound e -> ProblemException.notFound("Branch " + e.branchId()).problem();
            case UnknownServices e -> ProblemException.unprocessable("unknown-service", "Unknown service",
                    "These services do not exist in this company: " + e.serviceIds()).problem();
            case InvalidHours e -> ProblemException.unprocessable("invalid-hours", "Invalid working hours", e.detail())
                    .problem();
            default -> throw new IllegalArgumentException("Not a client error: " + failure, failure);
        };
    }
}
