package io.callbook.resolver.api;

import io.callbook.common.security.Roles;
import io.callbook.resolver.api.DirectoryDtos.ApiKeyResponse;
import io.callbook.resolver.domain.ApiKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Keys that belong to no company, the bootstrap key among them: only platform admins see and revoke them. */
@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "API keys", description = "Long-lived keys, exchanged at /v1/tokens for short-lived bearer tokens")
public class PlatformApiKeyResource {

    private final ApiKeys keys;

    public PlatformApiKeyResource(ApiKeys keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "List the platform API keys")
    public List<ApiKeyResponse> list() {
        return keys.listPlatformKeys().stream().map(k -> ApiKeyResponse.of(k, null)).toList();
    }

    @DELETE
    @Path("{keyId}")
    @Operation(summary = "Revoke a platform API key, e.g. the bootstrap key")
    @APIResponse(responseCode = "404", description = "No platform API key with this id")
    public Response revoke(@PathParam("keyId") UUID keyId) {
        keys.revokePlatformKey(keyId);
        return Response.noContent().build();
    }
}
