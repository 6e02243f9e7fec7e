package io.callbook.webhook.tenant.api;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.webhook.tenant.domain.CompanyInactive;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A provider request for a company that is not served. Neither answer is one a provider retries for long: both are
 * final 4xx answers without Retry-After (a provider retries 5xx, 429 and time-outs, and the voice provider at most a
 * few times whatever it gets). Suspension is 403 rather than 410 because it is reversible: a provider that follows
 * the webhook convention of disabling an endpoint on 410 would otherwise stay switched off after reactivation, and the
 * tenant would have to register the webhook again. Deletion is final, so 410 Gone says exactly that.
 */
public class TenantExceptionMappers {

    @ServerExceptionMapper
    public Response companyInactive(CompanyInactive e, HttpServerRequest request) {
        Problem problem = e.deleted()
                ? Problem.of(410, "company-deleted", "Company deleted",
                e.getMessage() + ": its integrations accept nothing any more")
                : Problem.of(403, "company-suspended", "Company suspended",
                e.getMessage() + ": its integrations accept nothing until it is reactivated");
        return ProblemResponses.of(problem, request);
    }
}
