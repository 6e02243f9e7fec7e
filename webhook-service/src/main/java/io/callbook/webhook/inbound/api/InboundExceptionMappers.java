package io.callbook.webhook.inbound.api;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.webhook.inbound.domain.InboundEventNotFound;
import io.callbook.webhook.inbound.domain.InboundEventNotReplayable;
import io.callbook.webhook.inbound.domain.MalformedWebhook;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The inbox's refusals as problems; their types, titles and details are part of the API. */
public class InboundExceptionMappers {

    @ServerExceptionMapper
    public Response malformedWebhook(MalformedWebhook e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(400, "malformed-webhook", "Malformed webhook", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response notFound(InboundEventNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(404, "not-found", "Not found", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response notReplayable(InboundEventNotReplayable e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(409, "conflict", "Conflict", e.getMessage()), request);
    }
}
