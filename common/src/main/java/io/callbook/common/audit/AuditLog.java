package io.callbook.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.Ids;
import io.callbook.common.api.RequestId;
import io.callbook.common.security.CallerContext;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only record of administrative actions (key created or revoked, secret rotated, event replayed, company
 * deleted, customer erased), in the service's own database. {@link #record} joins the action's transaction: the entry
 * commits with the action or not at all, so the log never shows an action that did not happen nor misses one that did.
 * The table refuses UPDATE and DELETE (db/common V0_5). Details name ids, counts and settings, never personal data such
 * as a phone number or a name: the log outlives every retention period.
 */
@ApplicationScoped
public class AuditLog {

    /** Who acts when no request is running (a scheduled job, a consumer of another service's event). */
    public static final String SYSTEM = "system";

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Instance<CallerContext> callers;

    public AuditLog(EntityManager entityManager, ObjectMapper json, Instance<CallerContext> callers) {
        this.entityManager = entityManager;
        this.json = json;
        this.callers = callers;
    }

    /**
     * Records an action by the current caller (the verified token's subject), or by {@link #SYSTEM} outside a request.
     *
     * @param action  one of {@link AuditActions}
     * @param tenant  the company acted on, null for a platform-wide action
     * @param subject what was acted on, e.g. {@code "api-key:<id>"}
     * @param details ids, counts or settings; no personal data
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String action, UUID tenant, String subject, Map<String, ?> details) {
        record(action, tenant, currentActor(), subject, details);
    }

    /** As {@link #record(String, UUID, String, Map)}, for an actor known otherwise (e.g. from an event). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String action, UUID tenant, String actor, String subject, Map<String, ?> details) {
        entityManager.createNativeQuery("""
                        insert into audit_log (id, occurred_at, action, company_id, actor, subject, details, request_id)
                        values (:id, :at, :action, :company, :actor, :subject, cast(:details as jsonb), :requestId)""")
                .setParameter("id", Ids.newId())
                .setParameter("at", Timestamp.from(Instant.now()))
                .setParameter("action", action)
                .setParameter("company", tenant)
                .setParameter("actor", actor == null ? SYSTEM : actor)
                .setParameter("subject", subject)
                .setParameter("details", toJson(details == null ? Map.of() : details))
                .setParameter("requestId", RequestId.current())
                .executeUpdate();
    }

    /** Newest first; {@code company} and {@code action} narrow the list when given; {@code limit + 1} rows at most. */
    public List<AuditEntry> list(UUID company, String action, UUID before, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        select id, occurred_at, action, company_id, actor, subject, cast(details as text), request_id
                        from audit_log
                        where (cast(:company as uuid) is null or company_id = cast(:company as uuid))
                          and (cast(:action as text) is null or action = cast(:action as text))
                          and (cast(:before as uuid) is null or id < cast(:before as uuid))
                        order by id desc
                        limit :limit""")
                .setParameter("company", company)
                .setParameter("action", action)
                .setParameter("before", before)
                .setParameter("limit", limit + 1)
                .getResultList();
        List<AuditEntry> entries = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            entries.add(new AuditEntry((UUID) r[0], instant(r[1]), (String) r[2], (UUID) r[3], (String) r[4],
                    (String) r[5], fromJson((String) r[6]), (String) r[7]));
        }
        return entries;
    }

    private String currentActor() {
        if (!Arc.container().requestContext().isActive() || !callers.isResolvable()) {
            return SYSTEM;
        }
        String subject = callers.get().subject();
        return subject == null ? SYSTEM : subject;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details cannot be written as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String details) {
        try {
            return json.readValue(details, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details in the database are not JSON", e);
        }
    }
}
