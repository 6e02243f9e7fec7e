package io.callbook.webhook.outbound.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callbook.common.api.Ids;
import io.callbook.common.audit.AuditActions;
import io.callbook.common.audit.AuditLog;
import io.callbook.webhook.tenant.domain.CompanyStatus;
import io.callbook.webhook.tenant.domain.Tenants;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns a tenant's events into deliveries (one per subscribed endpoint, once per event), and shows and replays them. */
@ApplicationScoped
public class Deliveries {

    private static final String BOOKING_TYPE_PREFIX = "io.callbook.booking.";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Tenants tenants;

    public Deliveries(EntityManager entityManager, ObjectMapper json, AuditLog audit, Tenants tenants) {
        this.entityManager = entityManager;
        this.json = json;
        this.audit = audit;
        this.tenants = tenants;
    }

    /**
     * A tenant's event to turn into deliveries.
     *
     * @param cloudEventType e.g. {@code io.callbook.booking.appointment.booked}, delivered as {@code appointment.booked}
     */
    public record TenantEvent(UUID companyId, String eventId, String cloudEventType, Instant occurredAt, String data) {
    }

    /**
     * One transaction for the lot and one look-up of endpoints per company: a booking's events arrive together, and most
     * companies have no endpoint, so a transaction per event cost webhook-service almost a third of its CPU while
     * bookings came in.
     *
     * @return how many deliveries were created (a redelivered event creates none, nor does a suspended company's)
     */
    @Transactional
    public int schedule(List<TenantEvent> events) {
        // One look-up per company rather than one "in" list: Hibernate translates a query again for every list length.
        Map<UUID, List<WebhookEndpoint>> endpointsByCompany = new HashMap<>();
        int created = 0;
        for (TenantEvent event : events) {
            if (tenants.status(event.companyId()) != CompanyStatus.ACTIVE) {
                continue;
            }
            String type = event.cloudEventType().startsWith(BOOKING_TYPE_PREFIX)
                    ? event.cloudEventType().substring(BOOKING_TYPE_PREFIX.length()) : event.cloudEventType();
            List<WebhookEndpoint> endpoints = endpointsByCompany.computeIfAbsent(event.companyId(),
                    company -> WebhookEndpoint.<WebhookEndpoint>find(
                            "companyId = ?1 and active = true and deletedAt is null", company).list());
            for (WebhookEndpoint endpoint : endpoints) {
                if (!List.of(endpoint.eventTypes).contains("*") && !List.of(endpoint.eventTypes).contains(type)) {
                    continue;
                }
                created += entityManager.createNativeQuery("""
                                insert into deliveries (id, endpoint_id, company_id, event_id, event_type, payload, status,
                                                        attempts, next_attempt_at, created_at)
                                values (:id, :endpoint, :company, :eventId, :type, :payload, 'pending', 0, now(), now())
                                on conflict on constraint deliveries_once do nothing""")
                        .setParameter("id", Ids.newId())
                        .setParameter("endpoint", endpoint.id)
                        .setParameter("company", event.companyId())
                        .setParameter("eventId", event.eventId())
                        .setParameter("type", type)
                        .setParameter("payload", payload(type, event.occurredAt(), event.data()))
                        .executeUpdate();
            }
        }
        return created;
    }

    public List<Delivery> list(UUID companyId, UUID endpointId, String status, UUID after, int limit) {
        StringBuilder query = new StringBuilder("companyId = :company and endpointId = :endpoint");
        Parameters parameters = Parameters.with("company", companyId).and("endpoint", endpointId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return Delivery.<Delivery>find(query.append(" order by id").toString(), parameters).page(0, limit + 1).list();
    }

    public Delivery get(UUID companyId, UUID id) {
        return Delivery.<Delivery>find("id = ?1 and companyId = ?2", id, companyId).firstResultOptional()
                .orElseThrow(() -> new DeliveryNotFound(id));
    }

    /** An exhausted (or cancelled) delivery is tried again from the start, with the same webhook-id. */
    @Transactional
    public Delivery replay(UUID companyId, UUID id) {
        Delivery delivery = get(companyId, id);
        if (delivery.status.equals("delivered") || delivery.status.equals("pending") || delivery.status.equals("delivering")) {
            throw new DeliveryNotReplayable("Delivery " + id + " is " + delivery.status + "; only failed, exhausted or"
                    + " cancelled deliveries can be replayed");
        }
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        if (!endpoint.active) {
            throw new DeliveryNotReplayable("Endpoint " + endpoint.id + " is disabled (" + endpoint.disabledReason
                    + "); enable it first");
        }
        delivery.status = "pending";
        delivery.attempts = 0;
        delivery.nextAttemptAt = Instant.now();
        delivery.lastError = null;
        audit.record(AuditActions.DELIVERY_REPLAYED, delivery.companyId, "delivery:" + id, java.util.Map.of("endpoint", endpoint.id.toString()));
        return delivery;
    }

    /** The Standard Webhooks payload shape: type, timestamp and the event's data. */
    private String payload(String type, Instant occurredAt, String data) {
        try {
            ObjectNode payload = json.createObjectNode();
            payload.put("type", type);
            payload.put("timestamp", occurredAt.toString());
            JsonNode dataNode = json.readTree(data);
            payload.set("data", dataNode);
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not JSON", e);
        }
    }
}
