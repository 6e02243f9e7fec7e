package io.callbook.webhook.voice.infra;

import io.callbook.webhook.voice.domain.VoiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.UUID;

/**
 * resolver-service's agent-token exchange, bounded like every call to it: {@code
 * io.callbook.webhook.voice.infra.AgentTokenGateway/Timeout/value} and {@code .../CircuitBreaker/...}. A refusal (wrong
 * secret, suspended company) is an answer, not an outage, so it leaves the circuit closed.
 */
@ApplicationScoped
@Timeout(400)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = AgentTokenGateway.Refused.class)
public class AgentTokenGateway {

    private final AgentTokenClient client;
    private final VoiceConfig config;

    public AgentTokenGateway(@RestClient AgentTokenClient client, VoiceConfig config) {
        this.client = client;
        this.config = config;
    }

    public AgentTokenClient.AgentToken issue(UUID tenant) {
        try {
            return client.issue(new AgentTokenClient.Exchange(tenant, config.agentExchangeSecret().orElse("")));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 429) {
                throw new Refused(tenant, status);
            }
            throw e;
        }
    }

    /** resolver-service said no: the secret is wrong, or the company is suspended or deleted. */
    public static final class Refused extends RuntimeException {

        Refused(UUID tenant, int status) {
            super("resolver-service refused an agent token for " + tenant + " (" + status + ")", null, false, false);
        }
    }
}
