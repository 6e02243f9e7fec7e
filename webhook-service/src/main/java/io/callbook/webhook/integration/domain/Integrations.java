package io.callbook.webhook.integration.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.callbook.common.audit.AuditActions;
import io.callbook.common.audit.AuditLog;
import io.callbook.webhook.signing.domain.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Tenants' provider accounts. A secret is shown once, when it is set or generated, and stored sealed. */
@ApplicationScoped
public class Integrations {

    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();
    // Every webhook and voice call names its integration; reading and unsealing it each time cost more than storing
    // the webhook.
    private final Cache<UUID, Optional<Verifiable>> verifiable;

    private final AuditLog audit;

    public Integrations(SecretBox secrets, IntegrationsConfig config, AuditLog audit) {
        this.secrets = secrets;
        this.audit = audit;
        this.verifiable = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(config.secretCacheTtl()).build();
    }

    /**
     * @param secret  the provider's signing key; null makes one (the tenant then enters it at the provider)
     * @param binding where a calendar's bookings go: required for calendar integrations, refused for others
     * @throws CalendarBindingRequired when a calendar integration's binding is missing or incomplete
     * @throws BindingNotApplicable     when a voice integration is given one
     */
    @Transactional
    public Created create(UUID companyId, Provider provider, String name, String secret, CalendarBinding binding) {
        requireBindingFits(provider, binding);
        String actual = secret == null || secret.isBlank() ? generatedSecret() : secret.strip();
        Integration integration = new Integration();
        integration.companyId = companyId;
        integration.provider = provider;
        integration.name = name.strip();
        if (binding != null) {
            integration.branchId = binding.branchId();
            integration.serviceId = binding.serviceId();
            integration.staffId = binding.staffId();
        }
        integration.secretSealed = secrets.seal(actual);
        integration.persist();
        return new Created(integration, actual);
    }

    public Integration get(UUID companyId, UUID integrationId) {
        return Integration.<Integration>find("id = ?1 and companyId = ?2 and deletedAt is null", integrationId, companyId)
                .firstResultOptional()
                .orElseThrow(() -> new IntegrationNotFound(integrationId));
    }

    public List<Integration> list(UUID companyId) {
        return Integration.<Integration>find("companyId = ?1 and deletedAt is null order by id", companyId).list();
    }

    @Transactional
    public Created rotate(UUID companyId, UUID integrationId, String secret) {
        Integration integration = get(companyId, integrationId);
        String actual = secret == null || secret.isBlank() ? generatedSecret() : secret.strip();
        integration.secretSealed = secrets.seal(actual);
        verifiable.invalidate(integrationId);
        audit.record(AuditActions.SECRET_ROTATED, companyId, "integration:" + integrationId, Map.of("provided", secret != null && !secret.isBlank()));
        return new Created(integration, actual);
    }

    @Transactional
    public void delete(UUID companyId, UUID integrationId) {
        Integration integration = get(companyId, integrationId);
        integration.deletedAt = Instant.now();
        integration.active = false;
        verifiable.invalidate(integrationId);
    }

    /** The integration a webhook names, if it may still send; the secret opened for verification. */
    public Optional<Verifiable> forWebhook(UUID integrationId, Provider provider) {
        return verifiable.get(integrationId, id -> Integration.<Integration>find(
                        "id = ?1 and active = true and deletedAt is null", id)
                .firstResultOptional()
                .map(integration -> new Verifiable(integration, secrets.open(integration.secretSealed))))
                .filter(found -> found.integration().provider == provider);
    }

    private static void requireBindingFits(Provider provider, CalendarBinding binding) {
        if (provider == Provider.CALENDAR && (binding == null || binding.branchId() == null || binding.serviceId() == null)) {
            throw new CalendarBindingRequired();
        }
        if (provider != Provider.CALENDAR && binding != null && !binding.isEmpty()) {
            throw new BindingNotApplicable();
        }
    }

    private String generatedSecret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "cbs_" + HexFormat.of().formatHex(bytes);
    }

    public record Created(Integration integration, String secret) {
    }

    /** @param staffId null: any free staff member of the branch who performs the service */
    public record CalendarBinding(UUID branchId, UUID serviceId, UUID staffId) {

        boolean isEmpty() {
            return branchId == null && serviceId == null && staffId == null;
        }
    }

    public record Verifiable(Integration integration, String secret) {
    }
}
