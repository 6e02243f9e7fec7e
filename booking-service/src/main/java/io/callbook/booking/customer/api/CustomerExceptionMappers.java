package io.callbook.booking.customer.api;

import io.callbook.booking.customer.domain.CustomerNotFound;
import io.callbook.booking.customer.domain.EmailTaken;
import io.callbook.common.api.ProblemException;
import io.callbook.common.api.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The errors of the customer API, also where bookings reach them. */
public class CustomerExceptionMappers {

    @ServerExceptionMapper
    public Response notFound(CustomerNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.notFound("Customer " + e.customerId()).problem(), request);
    }

    @ServerExceptionMapper
    public Response emailTaken(EmailTaken e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.conflict("Another customer of this company already uses the email "
                + e.email()).problem(), request);
    }
}
