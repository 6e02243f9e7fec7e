package io.callbook.webhook.inbound.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.Ids;
import io.callbook.common.api.RequestTenant;
import io.callbook.webhook.integration.domain.Integration;
import io.callbook.webhook.integration.domain.JsonBodies;
import io.callbook.webhook.integration.domain.Provider;
import io.callbook.webhook.integration.domain.SignedRequests;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Accepts a provider webhook: verify the signature over the raw bytes and store it once per provider event identity.
 * The provider gets its answer as soon as the row is stored, so slow processing can never time a webhook out. The
 * inbox table is the queue (ADR 0007): one insert, committed on its own and shared with the webhooks that arrive
 * beside it ({@link InboxWriter}) — a single statement needs no transaction manager, and JTA, Hibernate and an outbox
 * row for a Kafka hop cost several times the insert — then this replica's worker is woken; the others find the row
 * by polling, so a replica that dies after answering loses nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final String EXISTING = """
            select id, event_type, status from inbound_events where integration_id = ? and dedupe_key = ?""";

    private final SignedRequests signedRequests;
    private final InboxWriter writer;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final InboundProcessor processor;

    public Inbox(SignedRequests signedRequests, InboxWriter writer, DataSource dataSource, ObjectMapper json,
                 InboundProcessor processor) {
        this.signedRequests = signedRequests;
        this.writer = writer;
        this.dataSource = dataSource;
        this.json = json;
        this.processor = processor;
    }

    public Accepted accept(Provider provider, UUID integrationId, byte[] body, String signature) {
        Integration integration = signedRequests.verify(provider, integrationId, body, signature);
        RequestTenant.bind(integration.companyId);
        String raw = new String(body, StandardCharsets.UTF_8);
        JsonNode parsed = JsonBodies.object(json, raw);
        WebhookIdentity identity = provider == Provider.VOICE
                ? WebhookIdentities.voice(parsed, raw) : WebhookIdentities.calendar(parsed, raw);
        String status = identity.known() ? InboundEvent.RECEIVED : InboundEvent.IGNORED;
        // Time-ordered, so retention finds old rows through the primary key (InboxRetention).
        UUID id = Ids.newId();
        boolean stored = writer.store(new InboxWriter.InboxRow(id, integrationId, integration.companyId,
                provider.dbValue(), identity.type(), identity.key(), status, (short) identity.priority(), raw,
                Instant.now(), identity.rescheduleUid()));
        if (!stored) {
            return existing(provider, integrationId, identity.key());
        }
        if (identity.known()) {
            processor.wake();
        }
        return new Accepted(id, identity.type(), status, false);
    }

    private Accepted existing(Provider provider, UUID integrationId, String dedupeKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(EXISTING)) {
            select.setObject(1, integrationId);
            select.setString(2, dedupeKey);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Accepted(row.getObject(1, UUID.class), row.getString(2), row.getString(3), true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a stored " + provider.dbValue() + " webhook", e);
        }
    }

    /** @param duplicate true when the provider sent this event before: nothing new was stored or processed */
    public record Accepted(UUID id, String eventType, String status, boolean duplicate) {
    }
}
