package io.callbook.webhook.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.contracts.webhook.InboundWebhookEvents;
import io.callbook.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Accepts a provider webhook: verify the signature over the raw bytes, store it once per provider event identity,
 * and hand it to processing through the outbox, all in one short transaction. The provider gets its answer as soon
 * as the row is committed, so slow processing can never time a webhook out, and a Kafka outage loses nothing.
 */
@ApplicationScoped
public class Inbox {

    private final IntegrationService integrations;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final RetellSignature retell;

    public Inbox(IntegrationService integrations, Outbox outbox, EntityManager entityManager, ObjectMapper json) {
        this.integrations = integrations;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.json = json;
        this.retell = new RetellSignature(Clock.systemUTC());
    }

    @Transactional
    public Accepted accept(Provider provider, UUID integrationId, byte[] body, String signature) {
        IntegrationService.Verifiable integration = integrations.forWebhook(integrationId, provider)
                .orElseThrow(() -> unauthorized("unknown or inactive integration"));
        SignatureCheck check = provider == Provider.VOICE
                ? retell.verify(body, signature, integration.secret())
                : CalSignature.verify(body, signature, integration.secret());
        if (!check.valid()) {
            throw unauthorized(check.failure());
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        JsonNode parsed = parse(raw);
        WebhookIdentity identity = provider == Provider.VOICE
                ? WebhookIdentities.voice(parsed, raw) : WebhookIdentities.calendar(parsed, raw);

        UUID companyId = integration.integration().companyId;
        UUID id = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery("""
                        insert into inbound_events (id, integration_id, company_id, provider, event_type, dedupe_key, status,
                                                    priority, body, received_at)
                        values (:id, :integration, :company, :provider, :type, :key, :status, :priority, :body, :now)
                        on conflict on constraint inbound_events_once do nothing""")
                .setParameter("id", id)
                .setParameter("integration", integrationId)
                .setParameter("company", companyId)
                .setParameter("provider", provider.dbValue())
                .setParameter("type", identity.type())
                .setParameter("key", identity.key())
                .setParameter("status", identity.known() ? InboundEvent.RECEIVED : InboundEvent.IGNORED)
                .setParameter("priority", (short) identity.priority())
                .setParameter("body", raw)
                .setParameter("now", Instant.now())
                .executeUpdate();
        if (inserted == 0) {
            InboundEvent existing = InboundEvent.<InboundEvent>find("integrationId = ?1 and dedupeKey = ?2",
                    integrationId, identity.key()).firstResult();
            return new Accepted(existing.id, existing.eventType, existing.status, true);
        }
        if (identity.known()) {
            outbox.publish(InboundWebhookEvents.TOPIC, InboundWebhookEvents.ACCEPTED, identity.orderKey(), companyId,
                    new InboundWebhookEvents.Accepted(id, companyId, provider.dbValue(), identity.type(), identity.priority()));
        }
        return new Accepted(id, identity.type(), identity.known() ? InboundEvent.RECEIVED : InboundEvent.IGNORED, false);
    }

    private JsonNode parse(String raw) {
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new ProblemException(Problem.of(400, "malformed-body", "Malformed request body",
                        "The body must be a JSON object"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.of(400, "malformed-body", "Malformed request body",
                    "The body is not valid JSON"));
        }
    }

    private static ProblemException unauthorized(String why) {
        return new ProblemException(Problem.of(401, "invalid-signature", "Invalid webhook signature", why));
    }

    /** @param duplicate true when the provider sent this event before: nothing new was stored or processed */
    public record Accepted(UUID id, String eventType, String status, boolean duplicate) {
    }
}
