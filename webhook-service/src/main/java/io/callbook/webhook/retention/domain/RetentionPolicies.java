package io.callbook.webhook.retention.domain;

import io.callbook.common.api.Ids;
import io.callbook.common.audit.AuditActions;
import io.callbook.common.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each tenant's retention periods: its own where it set one, else the platform's default. The purge tasks read the
 * tenants' settings in their delete statements (joining retention_settings), so a change applies at the next sweep.
 */
@ApplicationScoped
public class RetentionPolicies {

    private final EntityManager entityManager;
    private final RetentionConfig config;
    private final AuditLog audit;

    public RetentionPolicies(EntityManager entityManager, RetentionConfig config, AuditLog audit) {
        this.entityManager = entityManager;
        this.config = config;
        this.audit = audit;
    }

    public int defaultDays(RetainedData data) {
        return data.limits(config).defaultDays();
    }

    public RetentionConfig.Limits limits(RetainedData data) {
        return data.limits(config);
    }

    /**
     * The shortest period any tenant has for this data: nothing younger is ever due, so a purge looks only at rows
     * older than this (through the time-ordered primary key).
     */
    public int shortestDays(RetainedData data) {
        Number shortest = (Number) entityManager.createNativeQuery(
                        "select min(" + data.column() + ") from retention_settings")
                .getSingleResult();
        return shortest == null ? defaultDays(data) : Math.min(shortest.intValue(), defaultDays(data));
    }

    /**
     * A purge statement over rows past their tenant's retention, its parameters bound: {@code :bound} (the newest id the
     * shortest period can reach, so the scan stays on the time-ordered primary key), {@code :now}, {@code :defaultDays},
     * {@code :limit}, and {@code %s} in the statement for the row's tenant's days.
     */
    public Query pastRetention(RetainedData data, String statement, int limit) {
        Instant now = Instant.now();
        return entityManager.createNativeQuery(statement.formatted(data.daysExpression()))
                .setParameter("bound", Ids.firstAt(now.minus(Duration.ofDays(shortestDays(data)))))
                .setParameter("now", now)
                .setParameter("defaultDays", defaultDays(data))
                .setParameter("limit", limit);
    }

    /** The tenant's own periods; a kind of data it set none for is absent. */
    public Map<RetainedData, Integer> overrides(UUID companyId) {
        List<?> rows = entityManager.createNativeQuery(
                        "select inbox_days, call_log_days, deliveries_days from retention_settings where company_id = :company")
                .setParameter("company", companyId)
                .getResultList();
        Map<RetainedData, Integer> own = new EnumMap<>(RetainedData.class);
        if (!rows.isEmpty()) {
            Object[] row = (Object[]) rows.get(0);
            RetainedData[] order = {RetainedData.INBOX, RetainedData.CALL_LOG, RetainedData.DELIVERIES};
            for (int i = 0; i < order.length; i++) {
                if (row[i] != null) {
                    own.put(order[i], ((Number) row[i]).intValue());
                }
            }
        }
        return own;
    }

    /**
     * Replaces the tenant's periods; data absent from {@code days} goes back to the default.
     *
     * @throws RetentionOutOfRange when a period lies outside its allowed range (nothing is changed then)
     */
    @Transactional
    public Map<RetainedData, Integer> replace(UUID companyId, Map<RetainedData, Integer> days) {
        Map<String, String> violations = new LinkedHashMap<>();
        days.forEach((data, value) -> {
            RetentionConfig.Limits limits = data.limits(config);
            if (value < limits.minDays() || value > limits.maxDays()) {
                violations.put(data.key() + "Days", "must be between " + limits.minDays() + " and " + limits.maxDays() + " days");
            }
        });
        if (!violations.isEmpty()) {
            throw new RetentionOutOfRange(violations);
        }
        entityManager.createNativeQuery("""
                        insert into retention_settings (company_id, inbox_days, call_log_days, deliveries_days, updated_at)
                        values (:company, :inbox, :callLog, :deliveries, now())
                        on conflict (company_id) do update set inbox_days = excluded.inbox_days,
                            call_log_days = excluded.call_log_days, deliveries_days = excluded.deliveries_days,
                            updated_at = excluded.updated_at""")
                .setParameter("company", companyId)
                .setParameter("inbox", days(days, RetainedData.INBOX))
                .setParameter("callLog", days(days, RetainedData.CALL_LOG))
                .setParameter("deliveries", days(days, RetainedData.DELIVERIES))
                .executeUpdate();
        Map<String, Object> details = new HashMap<>();
        days.forEach((data, value) -> details.put(data.key() + "Days", value));
        audit.record(AuditActions.RETENTION_CHANGED, companyId, "retention:" + companyId, details);
        return overrides(companyId);
    }

    // Typed, because a null (the default) gives the driver no type to bind.
    private static TypedParameterValue<Integer> days(Map<RetainedData, Integer> days, RetainedData data) {
        return new TypedParameterValue<>(StandardBasicTypes.INTEGER, days.get(data));
    }
}
