package io.callbook.webhook.voice.infra;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** resolver-service's scoped exchange: webhook-service's secret and a company for that company's agent token. */
@RegisterRestClient(configKey = "resolver")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AgentTokenClient {

    @POST
    @Path("/internal/v1/agent-tokens")
    AgentToken issue(Exchange exchange);

    record Exchange(UUID companyId, String secret) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgentToken(String accessToken, long expiresIn) {
    }
}
