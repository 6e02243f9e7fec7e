package io.callbook.webhook.calls.infra;

import io.callbook.common.api.Ids;
import io.callbook.common.retention.PurgeTask;
import io.callbook.webhook.retention.domain.RetainedData;
import io.callbook.webhook.retention.domain.RetentionPolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;

/**
 * Removes calls from the log once they are past their tenant's retention, counted from when the call was first logged.
 * Ids are time-ordered, so the candidates are found through the primary key.
 */
@ApplicationScoped
public class CallLogRetention implements PurgeTask {

    private final EntityManager entityManager;
    private final RetentionPolicies policies;

    public CallLogRetention(EntityManager entityManager, RetentionPolicies policies) {
        this.entityManager = entityManager;
        this.policies = policies;
    }

    @Override
    public String table() {
        return "calls";
    }

    @Override
    public int purgeBatch(int limit) {
        Instant now = Instant.now();
        return entityManager.createNativeQuery("""
                        delete from calls where id in (
                            select c.id from calls c
                            left join retention_settings r on r.company_id = c.company_id
                            where c.id < :bound
                              and c.created_at < cast(:now as timestamptz) - make_interval(days => %s)
                            order by c.id limit :limit
                            for update of c skip locked)""".formatted(RetainedData.CALL_LOG.daysExpression()))
                .setParameter("bound", Ids.firstAt(now.minus(Duration.ofDays(policies.shortestDays(RetainedData.CALL_LOG)))))
                .setParameter("now", now)
                .setParameter("defaultDays", policies.defaultDays(RetainedData.CALL_LOG))
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
