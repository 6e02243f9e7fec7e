package io.callbook.resolver.api;

import io.callbook.common.ratelimit.RateLimited;
import io.callbook.resolver.api.DirectoryDtos.TokenRequest;
import io.callbook.resolver.api.DirectoryDtos.TokenResponse;
import io.callbook.resolver.domain.ApiKeys;
import io.callbook.resolver.domain.TokenIssuer;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens", description = "Exchange an API key for a short-lived bearer token")
public class TokenResource {

    private final ApiKeys keys;

    public TokenResource(ApiKeys keys) {
        this.keys = keys;
    }

    @POST
    @PermitAll
    @RateLimited("tokens")
    @Operation(summary = "Exchange an API key for a bearer token")
    @APIResponse(responseCode = "401", description = "The API key is unknown, revoked, expired or malformed")
    @APIResponse(responseCode = "403", description = "The key's company is suspended or deleted")
    public TokenResponse exchange(@NotNull @Valid TokenRequest request) {
        TokenIssuer.IssuedToken token = keys.exchange(request.apiKey());
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn(), token.tenant(), token.groups());
    }
}
