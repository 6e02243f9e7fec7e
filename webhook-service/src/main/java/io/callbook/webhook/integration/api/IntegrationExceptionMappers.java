package io.callbook.webhook.integration.api;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.webhook.integration.domain.BindingNotApplicable;
import io.callbook.webhook.integration.domain.CalendarBindingRequired;
import io.callbook.webhook.integration.domain.IntegrationNotFound;
import io.callbook.webhook.integration.domain.InvalidSignature;
import io.callbook.webhook.integration.domain.MalformedBody;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The integrations' refusals as problems; their types, titles and details are part of the API. */
public class IntegrationExceptionMappers {

    @ServerExceptionMapper
    public Response notFound(IntegrationNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(404, "not-found", "Not found", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response calendarBindingRequired(CalendarBindingRequired e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(422, "calendar-binding-required", "Calendar binding required", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response bindingNotApplicable(BindingNotApplicable e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(422, "binding-not-applicable", "Binding not applicable", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response invalidSignature(InvalidSignature e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(401, "invalid-signature", "Invalid webhook signature", e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response malformedBody(MalformedBody e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(400, "malformed-body", "Malformed request body", e.getMessage()), request);
    }
}
