package io.callbook.resolver.api;

import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.resolver.api.DirectoryDtos.ApiKeyRequest;
import io.callbook.resolver.api.DirectoryDtos.ApiKeyResponse;
import io.callbook.resolver.domain.ApiKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;

@Path("/v1/companies/{companyId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "API keys", description = "Long-lived keys, exchanged at /v1/tokens for short-lived bearer tokens")
public class ApiKeyResource {

    private final ApiKeys keys;
    private final CallerContext caller;

    public ApiKeyResource(ApiKeys keys, CallerContext caller) {
        this.keys = keys;
        this.caller = caller;
    }

    /** The plain key is in this answer only; store it now. */
    @POST
    @Operation(summary = "Create an API key")
    @APIResponse(responseCode = "404", description = "No such company, or not one the caller may see")
    @APIResponse(responseCode = "422", description = "The groups are not ones a company API key may carry")
    public Response create(@PathParam("companyId") UUID companyId, @NotNull @Valid ApiKeyRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        ApiKeys.CreatedKey created = keys.create(companyId, request.name(), request.groups());
        return Response.created(URI.create("/v1/companies/" + companyId + "/api-keys/" + created.key().id))
                .entity(ApiKeyResponse.of(created.key(), created.plainKey())).build();
    }

    @GET
    @Operation(summary = "List a company's API keys")
    @APIResponse(responseCode = "404", description = "No such company, or not one the caller may see")
    public List<ApiKeyResponse> list(@PathParam("companyId") UUID companyId) {
        caller.requireCompany(companyId, "Company " + companyId);
        return keys.list(companyId).stream().map(k -> ApiKeyResponse.of(k, null)).toList();
    }

    @DELETE
    @Path("{keyId}")
    @Operation(summary = "Revoke an API key")
    @APIResponse(responseCode = "404", description = "No such API key or company, or not one the caller may see")
    public Response revoke(@PathParam("companyId") UUID companyId, @PathParam("keyId") UUID keyId) {
        caller.requireCompany(companyId, "API key " + keyId);
        keys.revoke(companyId, keyId);
        return Response.noContent().build();
    }
}
