package io.callbook.resolver.api;

import io.callbook.common.ratelimit.RateLimited;
import io.callbook.resolver.api.DirectoryDtos.AgentTokenRequest;
import io.callbook.resolver.api.DirectoryDtos.TokenResponse;
import io.callbook.resolver.domain.AgentTokens;
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

/**
 * webhook-service's scoped exchange: its secret and a company for that company's agent token. Inside the cluster only
 * (the Ingress routes no /internal path).
 */
@Path("/internal/v1/agent-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens", description = "Exchange an API key for a short-lived bearer token")
public class AgentTokenResource {

    private final AgentTokens tokens;

    public AgentTokenResource(AgentTokens tokens) {
        this.tokens = tokens;
    }

    @POST
    @PermitAll
    @RateLimited("agent-tokens")
    @Operation(summary = "Issue a company's agent token to webhook-service")
    @APIResponse(responseCode = "401", description = "The service credential is missing or wrong")
    @APIResponse(responseCode = "403", description = "The company is suspended or deleted")
    public TokenResponse issue(@NotNull @Valid AgentTokenRequest request) {
        TokenIssuer.IssuedToken token = tokens.issue(request.secret(), request.companyId());
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn(), token.tenant(), token.groups());
    }
}
