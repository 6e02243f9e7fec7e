package io.callbook.webhook.integration.api;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.webhook.integration.domain.BindingNotApplicable;
import io.callbook.webhook.integration.domain.CalendarBindingRequired;
import io.callbook.webhook.integration.domain.CatalogUnavailable;
import io.callbook.webhook.integration.domain.IntegrationNotFound;
import io.callbook.webhook.integration.domain.InvalidSignature;
import io.callbook.webhook.integration.domain.MalformedBody;
import io.callbook.webhook.integration.domain.UnknownBindingTarget;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** The integrations' refusals as problems; their types, titles and details are part of the API. */
public class IntegrationExceptionMappers {

    private static final Logger LOG = Logger.getLogger(IntegrationExceptionMappers.class);

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

    /** Shaped like a validation failure, so a client points at the field the same way. */
    @ServerExceptionMapper
    public Response unknownBindingTarget(UnknownBindingTarget e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(422, "unknown-binding-target", "Unknown calendar binding target",
                e.getMessage()).with("violations", List.of(Map.of("field", e.field(), "message", e.getMessage()))), request);
    }

    @ServerExceptionMapper
    public Response catalogUnavailable(CatalogUnavailable e, HttpServerRequest request) {
        LOG.warnf("Calendar binding not checked: %s", e.getCause() == null ? "?" : e.getCause().toString());
        return ProblemResponses.of(Problem.of(503, "booking-unavailable", "Booking service unavailable",
                e.getMessage()), request);
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
