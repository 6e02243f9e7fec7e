package io.callbook.webhook.integration.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.callbook.common.audit.AuditActions;
import io.callbook.common.audit.AuditLog;
import io.callbook.webhook.signing.domain.Hmac;
import io.callbook.webhook.signing.domain.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
    private final BookingCatalog catalog;
    private final SecureRandom random = new SecureRandom();
    // Every webhook and voice call names its integration; reading and unsealing it each time cost more than storing
    // the webhook.
    private final Cache<UUID, Optional<Verifiable>> verifiable;

    private final AuditLog audit;

    public Integrations(SecretBox secrets, BookingCatalog catalog, IntegrationsConfig config, AuditLog audit) {
        this.secrets = secrets;
        this.catalog = catalog;
        this.audit = audit;
        this.verifiable = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(config.secretCacheTtl()).build();
    }

    /**
     * @param secret  the provider's signing key; null makes one (the tenant then enters it at the provider)
     * @param binding where a calendar's bookings go: required for calendar integrations, refused for others
     * @throws CalendarBindingRequired when a calendar integration's binding is missing or incomplete
     * @throws BindingNotApplicable     when a voice integration is given one
     * @throws UnknownBindingTarget     when booking-service does not know the binding's branch, service or staff member
     * @throws CatalogUnavailable       when booking-service cannot be asked (nothing is stored)
     */
    public Created create(UUID companyId, Provider provider, String name, String secret, CalendarBinding binding) {
        requireBindingFits(provider, binding);
        if (provider == Provider.CALENDAR) {
            // Outside the transaction: no connection is held while booking-service answers.
            requireBindingExists(companyId, binding);
        }
        return QuarkusTransaction.requiringNew().call(() -> persist(companyId, provider, name, secret, binding));
    }

    private Created persist(UUID companyId, Provider provider, String name, String secret, CalendarBinding binding) {
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

    /** The integration a webhook names, if it may still send, with its key for checking signatures. */
    public Optional<Verifiable> forWebhook(UUID integrationId, Provider provider) {
        return verifiable.get(integrationId, id -> Integration.<Integration>find(
                        "id = ?1 and active = true and deletedAt is null", id)
                .firstResultOptional()
                .map(integration -> new Verifiable(integration, new Hmac.Key(secrets.open(integration.secretSealed)))))
                .filter(found -> found.integration().provider == provider);
    }

    /**
     * A binding to something booking-service does not know would only fail later, on every calendar event; checked
     * once here, the tenant hears of it while setting the integration up.
     */
    private void requireBindingExists(UUID companyId, CalendarBinding binding) {
        try {
            BookingCatalog.CatalogService service = catalog.service(companyId, binding.serviceId())
                    .orElseThrow(() -> new UnknownBindingTarget("serviceId",
                            "serviceId: booking-service has no service " + binding.serviceId() + " of this company"));
            if (!service.active()) {
                throw new UnknownBindingTarget("serviceId", "serviceId: service " + service.id() + " is inactive");
            }
            if (!catalog.branchExists(companyId, binding.branchId(), binding.serviceId())) {
                throw new UnknownBindingTarget("branchId",
                        "branchId: booking-service has no active branch " + binding.branchId() + " of this company");
            }
            if (binding.staffId() != null) {
                BookingCatalog.CatalogStaff staff = catalog.staffMember(companyId, binding.staffId())
                        .orElseThrow(() -> new UnknownBindingTarget("staffId",
                                "staffId: booking-service has no staff member " + binding.staffId() + " of this company"));
                if (!staff.active() || !binding.branchId().equals(staff.branchId())
                        || !staff.serviceIds().contains(binding.serviceId())) {
                    throw new UnknownBindingTarget("staffId", "staffId: staff member " + staff.id()
                            + " is inactive, works at another branch or does not perform the service");
                }
            }
        } catch (UnknownBindingTarget e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CatalogUnavailable(e);
        }
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

    /** @param key the integration's secret, opened and ready to check signatures with */
    public record Verifiable(Integration integration, Hmac.Key key) {
    }
}
