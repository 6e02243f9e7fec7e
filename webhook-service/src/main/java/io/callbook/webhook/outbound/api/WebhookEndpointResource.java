package io.callbook.webhook.outbound.api;

import io.callbook.common.api.Page;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.webhook.outbound.domain.Deliveries;
import io.callbook.webhook.outbound.domain.Delivery;
import io.callbook.webhook.outbound.domain.DeliveryWorker;
import io.callbook.webhook.outbound.domain.WebhookEndpoint;
import io.callbook.webhook.outbound.domain.WebhookEndpoints;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/v1/companies/{companyId}/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Outbound webhooks", description = "Tenants' endpoints for booking events, signed as Standard Webhooks")
public class WebhookEndpointResource {

    private final WebhookEndpoints endpoints;
    private final Deliveries deliveries;
    private final DeliveryWorker worker;
    private final CallerContext caller;

    public WebhookEndpointResource(WebhookEndpoints endpoints, Deliveries deliveries, DeliveryWorker worker,
                                   CallerContext caller) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.worker = worker;
        this.caller = caller;
    }

    /** The answer carries the {@code whsec_} secret, once. */
    @POST
    @Operation(summary = "Register a webhook endpoint")
    @APIResponse(responseCode = "404", description = "The caller may not see this company")
    @APIResponse(responseCode = "422", description = "An unknown event type, or a URL that is not public http(s)")
    public Response create(@PathParam("companyId") UUID companyId, @NotNull @Valid EndpointRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        WebhookEndpoints.WithSecret created = endpoints.create(companyId, request.url(), request.eventTypes());
        return Response.created(URI.create("/v1/companies/" + companyId + "/webhook-endpoints/" + created.endpoint().id))
                .entity(EndpointResponse.of(created.endpoint(), created.secret())).build();
    }

    @GET
    @Operation(summary = "List the webhook endpoints")
    @APIResponse(responseCode = "404", description = "The caller may not see this company")
    public List<EndpointResponse> list(@PathParam("companyId") UUID companyId) {
        caller.requireCompany(companyId, "Company " + companyId);
        return endpoints.list(companyId).stream().map(e -> EndpointResponse.of(e, null)).toList();
    }

    @GET
    @Path("{endpointId}")
    @Operation(summary = "Get a webhook endpoint")
    @APIResponse(responseCode = "404", description = "No such endpoint of this company")
    public EndpointResponse get(@PathParam("companyId") UUID companyId, @PathParam("endpointId") UUID endpointId) {
        caller.requireCompany(companyId, "Webhook endpoint " + endpointId);
        return EndpointResponse.of(endpoints.get(companyId, endpointId), null);
    }

    @PUT
    @Path("{endpointId}")
    @Operation(summary = "Update a webhook endpoint")
    @APIResponse(responseCode = "404", description = "No such endpoint of this company")
    @APIResponse(responseCode = "422", description = "An unknown event type, or a URL that is not public http(s)")
    public EndpointResponse update(@PathParam("companyId") UUID companyId, @PathParam("endpointId") UUID endpointId,
                                   @NotNull @Valid EndpointUpdate update) {
        caller.requireCompany(companyId, "Webhook endpoint " + endpointId);
        return EndpointResponse.of(endpoints.update(companyId, endpointId, update.url(), update.eventTypes(),
                update.active()), null);
    }

    @POST
    @Path("{endpointId}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rotate a webhook endpoint's secret")
    @APIResponse(responseCode = "404", description = "No such endpoint of this company")
    public EndpointResponse rotateSecret(@PathParam("companyId") UUID companyId, @PathParam("endpointId") UUID endpointId) {
        caller.requireCompany(companyId, "Webhook endpoint " + endpointId);
        WebhookEndpoints.WithSecret rotated = endpoints.rotateSecret(companyId, endpointId);
        return EndpointResponse.of(rotated.endpoint(), rotated.secret());
    }

    @DELETE
    @Path("{endpointId}")
    @Operation(summary = "Delete a webhook endpoint")
    @APIResponse(responseCode = "404", description = "No such endpoint of this company")
    public Response delete(@PathParam("companyId") UUID companyId, @PathParam("endpointId") UUID endpointId) {
        caller.requireCompany(companyId, "Webhook endpoint " + endpointId);
        endpoints.delete(companyId, endpointId);
        return Response.noContent().build();
    }

    @GET
    @Path("{endpointId}/deliveries")
    @Operation(summary = "List an endpoint's deliveries")
    @APIResponse(responseCode = "404", description = "No such endpoint of this company")
    public Page<DeliveryResponse> deliveries(@PathParam("companyId") UUID companyId,
                                             @PathParam("endpointId") UUID endpointId,
                                             @QueryParam("status")
                                             @Pattern(regexp = "pending|delivering|delivered|failed|exhausted|cancelled",
                                                     message = "must be pending, delivering, delivered, failed, "
                                                             + "exhausted or cancelled") String status,
                                             @QueryParam("after") UUID after,
                                             @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        caller.requireCompany(companyId, "Webhook endpoint " + endpointId);
        endpoints.get(companyId, endpointId);
        return Page.of(deliveries.list(companyId, endpointId, status, after, limit), limit, DeliveryResponse::of,
                d -> d.id.toString());
    }

    @POST
    @Path("{endpointId}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replay a delivery")
    @APIResponse(responseCode = "404", description = "No such delivery of this company")
    @APIResponse(responseCode = "409", description = "The delivery is still under way or delivered, or its endpoint is disabled")
    public DeliveryResponse replay(@PathParam("companyId") UUID companyId, @PathParam("endpointId") UUID endpointId,
                                   @PathParam("deliveryId") UUID deliveryId) {
        caller.requireCompany(companyId, "Delivery " + deliveryId);
        deliveries.replay(companyId, deliveryId);
        worker.wake(); // sent by the worker's senders: a slow endpoint must not hold this request
        return DeliveryResponse.of(deliveries.get(companyId, deliveryId));
    }

    public record EndpointRequest(@NotBlank @Size(max = 2000) String url,
                                  @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes) {
    }

    public record EndpointUpdate(@Size(min = 1, max = 2000) String url, @Size(min = 1, max = 20) List<@NotBlank String> eventTypes,
                                 Boolean active) {
    }

    public record EndpointResponse(UUID id, String url, List<String> eventTypes, boolean active, String disabledReason,
                                   String secret, Instant createdAt) {
        static EndpointResponse of(WebhookEndpoint e, String secret) {
            return new EndpointResponse(e.id, e.url, List.of(e.eventTypes), e.active, e.disabledReason, secret, e.createdAt);
        }
    }

    public record DeliveryResponse(UUID id, UUID endpointId, String eventId, String eventType, String status, int attempts,
                                   Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
                                   Instant deliveredAt) {
        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(d.id, d.endpointId, d.eventId, d.eventType, d.status, d.attempts, d.nextAttemptAt,
                    d.lastStatusCode, d.lastError, d.createdAt, d.deliveredAt);
        }
    }
}
