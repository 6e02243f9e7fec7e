package io.callbook.webhook.inbound.domain;

import io.callbook.common.audit.AuditActions;
import io.callbook.common.audit.AuditLog;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What operators see of the inbox, and replay: an event goes back to received and is processed again. */
@ApplicationScoped
public class InboundEvents {

    private static final Set<String> REPLAYABLE = Set.of("failed", "dead", "done");

    private final AuditLog audit;

    public InboundEvents(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * @param companyId     null for every tenant (platform operators)
     * @param integrationId null for every integration; else only the events that one sent (read through the
     *                      inbox's unique index, so a load test can read back its own events cheaply)
     */
    public List<InboundEvent> list(UUID companyId, UUID integrationId, String status, UUID after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (companyId != null) {
            query.append(" and companyId = :company");
            parameters.and("company", companyId);
        }
        if (integrationId != null) {
            query.append(" and integrationId = :integration");
            parameters.and("integration", integrationId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return InboundEvent.<InboundEvent>find(query.append(" order by id").toString(), parameters).page(0, limit + 1).list();
    }

    public InboundEvent get(UUID companyId, UUID id) {
        return InboundEvent.<InboundEvent>find("id = ?1", id).firstResultOptional()
                .filter(event -> companyId == null || event.companyId.equals(companyId))
                .orElseThrow(() -> new InboundEventNotFound(id));
    }

    @Transactional
    public InboundEvent replay(UUID companyId, UUID id) {
        InboundEvent event = get(companyId, id);
        if (!REPLAYABLE.contains(event.status)) {
            throw new InboundEventNotReplayable(id, event.status);
        }
        audit.record(AuditActions.INBOUND_EVENT_REPLAYED, event.companyId, "inbound-event:" + id, Map.of("from", event.status));
        reset(event);
        return event;
    }

    /** Replays every event of one status (failed or dead), up to {@code limit}; returns how many. */
    @Transactional
    public int replayAll(UUID companyId, String status, int limit) {
        if (!status.equals("failed") && !status.equals("dead")) {
            throw new IllegalArgumentException("Replay many by status failed or dead, not " + status);
        }
        List<InboundEvent> events = list(companyId, null, status, null, limit - 1);
        events.forEach(InboundEvents::reset);
        audit.record(AuditActions.INBOUND_EVENTS_REPLAYED, companyId, "inbound-events:" + status, Map.of("count", events.size()));
        return events.size();
    }

    private static void reset(InboundEvent event) {
        event.status = InboundEvent.RECEIVED;
        event.attempts = 0;
        event.failingSince = null;
        event.nextAttemptAt = null;
        event.lastError = null;
        event.processedAt = null;
        event.outcome = null;
    }
}
