package io.callbook.resolver.domain;

import io.callbook.common.security.Hashes;
import io.callbook.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.UUID;

/**
 * Agent tokens for webhook-service, which answers the voice platform on a tenant's behalf. webhook-service holds no
 * signing key; it presents its exchange secret ({@link TokenConfig#agentExchangeSecret()}) and a company, and gets a
 * token with the {@code agent} group for that company and for resolver-service and booking-service only. The secret
 * can never buy any other group, no platform-wide token and no token for a suspended or deleted company.
 */
@ApplicationScoped
public class AgentTokens {

    public static final String SUBJECT = "service:webhook-service";

    private final TokenConfig config;
    private final TokenIssuer tokens;

    public AgentTokens(TokenConfig config, TokenIssuer tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    @Transactional
    public TokenIssuer.IssuedToken issue(String presentedSecret, UUID companyId) {
        String expected = config.agentExchangeSecret().filter(s -> !s.isBlank()).orElse(null);
        // Compared as hashes: equal length, constant time, whatever was presented.
        if (expected == null || presentedSecret == null || !MessageDigest.isEqual(
                Hashes.sha256(presentedSecret.getBytes(StandardCharsets.UTF_8)),
                Hashes.sha256(expected.getBytes(StandardCharsets.UTF_8)))) {
            throw new InvalidServiceCredential();
        }
        Company company = Company.findById(companyId);
        if (company == null || company.deletedAt != null || !company.active) {
            throw new CompanyUnavailable(companyId);
        }
        return tokens.issue(SUBJECT, companyId, Set.of(Roles.AGENT), Audiences.VOICE_AGENT, config.agentTokenTtl());
    }
}
