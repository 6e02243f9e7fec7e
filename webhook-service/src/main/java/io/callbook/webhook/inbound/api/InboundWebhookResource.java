package io.callbook.webhook.inbound.api;

import io.callbook.common.ratelimit.RateLimited;
import io.callbook.webhook.inbound.domain.Inbox;
import io.callbook.webhook.integration.domain.Provider;
import io.callbook.webhook.signing.domain.CalSignature;
import io.callbook.webhook.signing.domain.RetellSignature;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Provider webhooks. They carry no token: the signature over the raw body, checked with the secret of the integration
 * named in the URL the tenant registered at the provider, is the authentication.
 */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@PermitAll
// Providers send every tenant's webhooks from a few addresses: the default per-address limit would refuse them.
@RateLimited("webhooks")
@Tag(name = "Inbound webhooks", description = "Signed provider webhooks, stored once and acknowledged at once")
public class InboundWebhookResource {

    private final Inbox inbox;

    public InboundWebhookResource(Inbox inbox) {
        this.inbox = inbox;
    }

    @POST
    @Path("voice")
    @Operation(summary = "Accept a voice provider webhook")
    @APIResponse(responseCode = "401", description = "Unknown or inactive integration, or a signature that does not verify")
    @APIResponse(responseCode = "403", description = "The integration's company is suspended: nothing is stored until it is reactivated")
    @APIResponse(responseCode = "410", description = "The integration's company was deleted: nothing is stored")
    public Response voice(@QueryParam("integration") @Parameter(required = true)
                          UUID integration,
                          @HeaderParam(RetellSignature.HEADER) String signature, byte[] body) {
        return answer(inbox.accept(Provider.VOICE, integration, body, signature));
    }

    @POST
    @Path("calendar")
    @Operation(summary = "Accept a calendar provider webhook")
    @APIResponse(responseCode = "401", description = "Unknown or inactive integration, or a signature that does not verify")
    @APIResponse(responseCode = "403", description = "The integration's company is suspended: nothing is stored until it is reactivated")
    @APIResponse(responseCode = "410", description = "The integration's company was deleted: nothing is stored")
    public Response calendar(@QueryParam("integration") @Parameter(required = true)
                             UUID integration,
                             @HeaderParam(CalSignature.HEADER) String signature, byte[] body) {
        return answer(inbox.accept(Provider.CALENDAR, integration, body, signature));
    }

    /** 202 the first time (processing follows), 200 for a repeat that changes nothing. */
    private static Response answer(Inbox.Accepted accepted) {
        return Response.status(accepted.duplicate() ? 200 : 202)
                .entity(new WebhookAck(accepted.id(), accepted.eventType(), accepted.status(), accepted.duplicate()))
                .build();
    }

    public record WebhookAck(UUID id, String eventType, String status, boolean duplicate) {
    }
}
