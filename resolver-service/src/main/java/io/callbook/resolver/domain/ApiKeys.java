package io.callbook.resolver.domain;

import io.callbook.common.api.Ids;
import io.callbook.common.audit.AuditActions;
import io.callbook.common.audit.AuditLog;
import io.callbook.common.security.AuthConfig;
import io.callbook.common.security.Hashes;
import io.callbook.common.security.Roles;
import io.callbook.common.security.TokenIssuer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys look like {@code cbk_<prefix>_<secret>}. The prefix finds the row; the secret is
 * checked against a SHA-256 hash in constant time. A slow password hash is not needed: the secret
 * is 160 random bits, not something a person chose.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final Pattern FORMAT = Pattern.compile("^cbk_([a-z0-9]{8})_([a-z0-9]{32})$");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Set<String> TENANT_GROUPS = Set.of(Roles.AGENT, Roles.TENANT_ADMIN);
    private static final Set<String> PLATFORM_GROUPS = Set.of(Roles.PLATFORM_ADMIN, Roles.OPS);

    private final SecureRandom random = new SecureRandom();
    private final Companies companies;
    private final TokenIssuer tokens;
    private final AuthConfig config;
    private final AuditLog audit;

    public ApiKeys(Companies companies, TokenIssuer tokens, AuthConfig config, AuditLog audit) {
        this.companies = companies;
        this.tokens = tokens;
        this.config = config;
        this.audit = audit;
    }

    @Transactional
    void ensureBootstrapKey(@Observes StartupEvent startup) {
        config.bootstrapApiKey().ifPresent(key -> {
            Matcher matcher = FORMAT.matcher(key);
            if (!matcher.matches()) {
                LOG.error("callbook.auth.bootstrap-api-key is not of the form cbk_<8 chars>_<32 chars>; ignored");
                return;
            }
            ApiKey existing = ApiKey.find("prefix", matcher.group(1)).firstResult();
            if (existing == null) {
                store(null, "bootstrap platform admin", PLATFORM_GROUPS, matcher.group(1), key);
                LOG.info("Bootstrap platform-admin API key registered");
            }
        });
    }

    /** @return the key row and the plain key, which is shown this once and never again */
    @Transactional
    public CreatedKey create(UUID companyId, String name, Set<String> groups) {
        companies.get(companyId);
        if (groups.isEmpty() || !TENANT_GROUPS.containsAll(groups)) {
            throw new InvalidGroups(TENANT_GROUPS, groups);
        }
        String prefix = randomString(8);
        String plain = "cbk_" + prefix + "_" + randomString(32);
        ApiKey key = store(companyId, name, groups, prefix, plain);
        audit.record(AuditActions.API_KEY_CREATED, companyId, "api-key:" + key.id, Map.of("groups", key.groups));
        return new CreatedKey(key, plain);
    }

    public List<ApiKey> list(UUID companyId) {
        return ApiKey.list("companyId = ?1 order by id", companyId);
    }

    @Transactional
    public void revoke(UUID companyId, UUID keyId) {
        ApiKey key = ApiKey.<ApiKey>find("id = ?1 and companyId = ?2", keyId, companyId).firstResultOptional()
                .orElseThrow(() -> new RecordNotFound("API key " + keyId));
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            audit.record(AuditActions.API_KEY_REVOKED, companyId, "api-key:" + keyId, Map.of());
        }
    }

    /** Same answer for unknown, wrong and revoked keys, so the endpoint reveals nothing. */
    @Transactional
    public TokenIssuer.IssuedToken exchange(String plainKey) {
        Matcher matcher = FORMAT.matcher(plainKey == null ? "" : plainKey.strip());
        ApiKey key = matcher.matches() ? ApiKey.find("prefix", matcher.group(1)).firstResult() : null;
        boolean valid = key != null && key.revokedAt == null
                && MessageDigest.isEqual(Hashes.sha256Hex(plainKey.strip()).getBytes(StandardCharsets.US_ASCII),
                key.secretHash.getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            throw new InvalidApiKey();
        }
        if (key.companyId != null) {
            companies.get(key.companyId);
        }
        key.lastUsedAt = Instant.now();
        return tokens.issue("apikey:" + key.id, key.companyId, key.groupSet());
    }

    private ApiKey store(UUID companyId, String name, Set<String> groups, String prefix, String plain) {
        ApiKey key = new ApiKey();
        key.id = Ids.newId();
        key.companyId = companyId;
        key.name = name;
        key.prefix = prefix;
        key.secretHash = Hashes.sha256Hex(plain);
        key.groups = String.join(",", new TreeSet<>(groups));
        key.createdAt = Instant.now();
        key.persist();
        return key;
    }

    private String randomString(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    public record CreatedKey(ApiKey key, String plainKey) {
    }
}
