package io.callbook.booking.catalog.api;

import io.callbook.booking.catalog.domain.PriceWithoutCurrency;
import io.callbook.booking.catalog.domain.ServiceNotFound;
import io.callbook.booking.catalog.domain.StaffHasAppointments;
import io.callbook.booking.catalog.domain.StaffNotFound;
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
}
