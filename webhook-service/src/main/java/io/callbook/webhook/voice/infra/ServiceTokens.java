package io.callbook.webhook.voice.infra;

import io.callbook.webhook.voice.domain.VoiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for calling resolver-service and booking-service on a tenant's behalf, as its voice agent. This service
 * holds no signing key: resolver-service issues each tenant's agent token in exchange for this service's secret
 * ({@link AgentTokenGateway}). One per tenant, reused until {@code service-token-renew-before} ahead of its expiry: the
 * exchange is a network call, and the services cache tokens they have verified. When resolver-service cannot answer,
 * a token that is still valid keeps being used.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);

    private final AgentTokenGateway exchange;
    private final VoiceConfig config;
    private final Map<UUID, Issued> byTenant = new ConcurrentHashMap<>();

    public ServiceTokens(AgentTokenGateway exchange, VoiceConfig config) {
        this.exchange = exchange;
        this.config = config;
    }

    /** The value of an Authorization header. */
    public String authorization(UUID tenant) {
        Instant now = Instant.now();
        Issued current = byTenant.get(tenant);
        if (current != null && current.renewAt().isAfter(now)) {
            return current.header();
        }
        // Outside any lock: two calls for the same tenant at the same moment may both ask; both answers are good.
        try {
            AgentTokenClient.AgentToken token = exchange.issue(tenant);
            Duration lifetime = Duration.ofSeconds(token.expiresIn());
            Issued fresh = new Issued("Bearer " + token.accessToken(),
                    now.plus(lifetime).minus(config.serviceTokenRenewBefore()), now.plus(lifetime));
            byTenant.put(tenant, fresh);
            return fresh.header();
        } catch (AgentTokenGateway.Refused e) {
            byTenant.remove(tenant);
            throw e;
        } catch (RuntimeException e) {
            if (current != null && current.expiresAt().isAfter(now.plusSeconds(5))) {
                LOG.warnf("No new agent token for %s (%s); the current one stays in use until it expires", tenant,
                        e.toString());
                return current.header();
            }
            throw e;
        }
    }

    /** Forgets a tenant's token, e.g. once the tenant is suspended. */
    public void forget(UUID tenant) {
        byTenant.remove(tenant);
    }

    private record Issued(String header, Instant renewAt, Instant expiresAt) {
    }
}
