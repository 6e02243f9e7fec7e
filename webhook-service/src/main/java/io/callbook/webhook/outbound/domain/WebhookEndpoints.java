package io.callbook.webhook.outbound.domain;

import io.callbook.webhook.signing.domain.SecretBox;
import io.callbook.webhook.signing.domain.StandardWebhookSigner;
import jakarta.enterprise.context.ApplicationScoped;
import io.callbook.common.audit.AuditActions;
import io.callbook.common.audit.AuditLog;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Tenants' outbound endpoints. The {@code whsec_} secret is shown once, when it is made, and stored sealed. */
@ApplicationScoped
public class WebhookEndpoints {

    public static final Set<String> EVENT_TYPES = Set.of("*", "appointment.held", "appointment.booked",
            "appointment.rescheduled", "appointment.cancelled", "appointment.status-changed", "appointment.hold-expired");

    private final SecretBox secrets;
    private final EndpointAddressPolicy addresses;
    private final SecureRandom random = new SecureRandom();
    private final AuditLog audit;

    public WebhookEndpoints(SecretBox secrets, EndpointAddressPolicy addresses, AuditLog audit) {
        this.secrets = secrets;
        this.addresses = addresses;
        this.audit = audit;
    }

    @Transactional
    public WithSecret create(UUID companyId, String url, List<String> eventTypes) {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.companyId = companyId;
        endpoint.url = addresses.check(url).url().toString();
        endpoint.eventTypes = types(eventTypes);
        String secret = newSecret();
        endpoint.secretSealed = secrets.seal(secret);
        endpoint.persist();
        return new WithSecret(endpoint, secret);
    }

    public WebhookEndpoint get(UUID companyId, UUID id) {
        return WebhookEndpoint.<WebhookEndpoint>find("id = ?1 and companyId = ?2 and deletedAt is null", id, companyId)
                .firstResultOptional().orElseThrow(() -> new EndpointNotFound(id));
    }

    public List<WebhookEndpoint> list(UUID companyId) {
        return WebhookEndpoint.<WebhookEndpoint>find("companyId = ?1 and deletedAt is null order by id", companyId).list();
    }

    /** Re-enabling an endpoint (e.g. after a 410) clears why it was disabled. */
    @Transactional
    public WebhookEndpoint update(UUID companyId, UUID id, String url, List<String> eventTypes, Boolean active) {
        WebhookEndpoint endpoint = get(companyId, id);
        if (url != null) {
            endpoint.url = addresses.check(url).url().toString();
        }
        if (eventTypes != null) {
            endpoint.eventTypes = types(eventTypes);
        }
        if (active != null) {
            endpoint.active = active;
            endpoint.disabledReason = active ? null : "disabled by the tenant";
        }
        return endpoint;
    }

    @Transactional
    public WithSecret rotateSecret(UUID companyId, UUID id) {
        WebhookEndpoint endpoint = get(companyId, id);
        String secret = newSecret();
        endpoint.secretSealed = secrets.seal(secret);
        audit.record(AuditActions.SECRET_ROTATED, endpoint.companyId, "webhook-endpoint:" + id, java.util.Map.of());
        return new WithSecret(endpoint, secret);
    }

    @Transactional
    public void delete(UUID companyId, UUID id) {
        WebhookEndpoint endpoint = get(companyId, id);
        endpoint.deletedAt = Instant.now();
        endpoint.active = false;
        Delivery.update("status = 'cancelled', nextAttemptAt = null where endpointId = ?1 and status in ('pending', 'failed')",
                id);
    }

    private static String[] types(List<String> eventTypes) {
        List<String> unknown = eventTypes.stream().filter(type -> !EVENT_TYPES.contains(type)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownEventTypes("Unknown event types " + unknown + "; known: " + EVENT_TYPES);
        }
        return eventTypes.stream().distinct().toArray(String[]::new);
    }

    private String newSecret() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return StandardWebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }
}
