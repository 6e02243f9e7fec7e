package io.callbook.webhook.voice.infra;

import io.callbook.common.security.Roles;
import io.callbook.common.security.TokenIssuer;
import io.callbook.webhook.voice.domain.VoiceConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for calling resolver-service and booking-service on a tenant's behalf, as its voice agent (every
 * service shares the platform signing key). One per tenant, reused until shortly before it expires: signing costs
 * more than the call, and the services cache tokens they have verified.
 */
@ApplicationScoped
public class ServiceTokens {

    private final TokenIssuer issuer;
    private final VoiceConfig config;
    private final Map<UUID, Minted> byTenant = new ConcurrentHashMap<>();

    public ServiceTokens(TokenIssuer issuer, VoiceConfig config) {
        this.issuer = issuer;
        this.config = config;
    }

    /** The value of an Authorization header. */
    public String authorization(UUID tenant) {
        Instant now = Instant.now();
        return "Bearer " + byTenant.compute(tenant, (t, current) ->
                current != null && current.renewAt().isAfter(now) ? current : mint(t, now)).token();
    }

    private Minted mint(UUID tenant, Instant now) {
        String token = issuer.issue("webhook-service", tenant, Set.of(Roles.AGENT), config.serviceTokenTtl()).accessToken();
        return new Minted(token, now.plus(config.serviceTokenTtl()).minus(config.serviceTokenRenewBefore()));
    }

    private record Minted(String token, Instant renewAt) {
    }
}
