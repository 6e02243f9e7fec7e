package io.callbook.webhook.integration.api;

import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.webhook.integration.domain.Integration;
import io.callbook.webhook.integration.domain.Integrations;
import io.callbook.webhook.integration.domain.Integrations.CalendarBinding;
import io.callbook.webhook.integration.domain.Provider;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/v1/companies/{companyId}/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "A tenant's voice and calendar provider accounts and their webhook secrets")
public class IntegrationResource {

    private final Integrations integrations;
    private final CallerContext caller;

    public IntegrationResource(Integrations integrations, CallerContext caller) {
        this.integrations = integrations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Create an integration")
    @APIResponse(responseCode = "404", description = "The caller may not see this company")
    @APIResponse(responseCode = "422", description = "A calendar integration without branchId and serviceId, or a voice "
            + "integration with them, or a branch, service or staff member booking-service does not know for this "
            + "company (`violations[0].field` names it)")
    @APIResponse(responseCode = "503", description = "booking-service could not check the calendar binding; nothing was stored")
    public Response create(@PathParam("companyId") UUID companyId, @NotNull @Valid IntegrationRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        Integrations.Created created = integrations.create(companyId, request.provider(), request.name(),
                request.secret(), new CalendarBinding(request.branchId(), request.serviceId(), request.staffId()));
        return Response.created(URI.create("/v1/companies/" + companyId + "/integrations/" + created.integration().id))
                .entity(IntegrationResponse.of(created.integration(), created.secret())).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "List the integrations")
    @APIResponse(responseCode = "404", description = "The caller may not see this company")
    public List<IntegrationResponse> list(@PathParam("companyId") UUID companyId) {
        caller.requireCompany(companyId, "Company " + companyId);
        return integrations.list(companyId).stream().map(i -> IntegrationResponse.of(i, null)).toList();
    }

    @GET
    @Path("{integrationId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Get an integration")
    @APIResponse(responseCode = "404", description = "No such integration of this company")
    public IntegrationResponse get(@PathParam("companyId") UUID companyId, @PathParam("integrationId") UUID integrationId) {
        caller.requireCompany(companyId, "Integration " + integrationId);
        return IntegrationResponse.of(integrations.get(companyId, integrationId), null);
    }

    /** A new secret (given, or made here), shown once; the old one stops working at once. */
    @POST
    @Path("{integrationId}/rotate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Rotate an integration's secret")
    @APIResponse(responseCode = "404", description = "No such integration of this company")
    public IntegrationResponse rotate(@PathParam("companyId") UUID companyId, @PathParam("integrationId") UUID integrationId,
                                      @Valid SecretRequest request) {
        caller.requireCompany(companyId, "Integration " + integrationId);
        Integrations.Created rotated = integrations.rotate(companyId, integrationId,
                request == null ? null : request.secret());
        return IntegrationResponse.of(rotated.integration(), rotated.secret());
    }

    @DELETE
    @Path("{integrationId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Delete an integration")
    @APIResponse(responseCode = "404", description = "No such integration of this company")
    public Response delete(@PathParam("companyId") UUID companyId, @PathParam("integrationId") UUID integrationId) {
        caller.requireCompany(companyId, "Integration " + integrationId);
        integrations.delete(companyId, integrationId);
        return Response.noContent().build();
    }

    /**
     * @param secret   the provider's signing key (the voice provider's API key); omitted: one is made
     * @param branchId calendar only, required with serviceId: where the calendar's bookings become appointments
     * @param staffId  calendar only, optional: omitted, any free staff member of the branch takes a booking
     */
    public record IntegrationRequest(@NotNull Provider provider, @NotBlank @Size(max = 200) String name,
                                     @Size(min = 16, max = 512) String secret, UUID branchId, UUID serviceId,
                                     UUID staffId) {
    }

    public record SecretRequest(@Size(min = 16, max = 512) String secret) {
    }

    /** {@code secret} only in the answer that set it; {@code webhookPath} is what to register at the provider. */
    public record IntegrationResponse(UUID id, UUID companyId, String provider, String name, boolean active,
                                      String webhookPath, String secret, UUID branchId, UUID serviceId, UUID staffId,
                                      Instant createdAt) {
        static IntegrationResponse of(Integration i, String secret) {
            return new IntegrationResponse(i.id, i.companyId, i.provider.dbValue(), i.name, i.active,
                    "/v1/webhooks/" + i.provider.dbValue() + "?integration=" + i.id, secret, i.branchId, i.serviceId,
                    i.staffId, i.createdAt);
        }
    }
}
