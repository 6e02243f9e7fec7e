package io.callbook.webhook.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.webhook.InboundWebhookEvents;
import io.callbook.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Accepts a provider webhook: verify the signature over the raw bytes, store it once per provider event identity,
 * and hand it to processing through the outbox, all in one short transaction. The provider gets its answer as soon
 * as the row is committed, so slow processing can never time a webhook out, and a Kafka outage loses nothing.
 */
@ApplicationScoped
public class Inbox {

    private final SignedRequests signedRequests;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public Inbox(SignedRequests signedRequests, Outbox outbox, EntityManager entityManager, ObjectMapper json) {
        this.signedRequests = signedRequests;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.json = json;
    }

    @Transactional
    public Accepted accept(Provider provider, UUID integrationId, byte[] body, String signature) {
        Integration integration = signedRequests.verify(provider, integrationId, body, signature);
        String raw = new String(body, StandardCharsets.UTF_8);
        JsonNode parsed = JsonBodies.object(json, raw);
        WebhookIdentity identity = provider == Provider.VOICE
                ? WebhookIdentities.voice(parsed, raw) : WebhookIdentities.calendar(parsed, raw);

        UUID companyId = integration.companyId;
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

    /** @param duplicate true when the provider sent this event before: nothing new was stored or processed */
    public record Accepted(UUID id, String eventType, String status, boolean duplicate) {
    }
}
