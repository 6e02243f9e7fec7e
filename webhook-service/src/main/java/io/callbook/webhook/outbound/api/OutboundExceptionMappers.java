package io.callbook.webhook.outbound.api;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.webhook.outbound.domain.DeliveryNotFound;
import io.callbook.webhook.outbound.domain.DeliveryNotReplayable;
import io.callbook.webhook.outbound.domain.EndpointNotAllowed;
import io.callbook.webhook.outbound.domain.EndpointNotFound;
import io.callbook.webhook.outbound.domain.UnknownEventTypes;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The outbound webhooks' refusals as problems; their types, titles and details are part of the API. */
public class OutboundExceptionMappers {

    @ServerExceptionMapper
    public Response endpointNotFound(EndpointNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(404, "not-found", "Not found", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response deliveryNotFound(DeliveryNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(404, "not-found", "Not found", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response unknownEventTypes(UnknownEventTypes e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(422, "unknown-event-type", "Unknown event type", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response endpointNotAllowed(EndpointNotAllowed e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(422, "endpoint-not-allowed", "Endpoint not allowed", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response notReplayable(DeliveryNotReplayable e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(409, "conflict", "Conflict", e.getMessage()), request);
    }
}
