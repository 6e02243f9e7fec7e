package io.callbook.webhook.outbound.infra;

import io.callbook.common.retention.PurgeTask;
import io.callbook.webhook.retention.domain.RetainedData;
import io.callbook.webhook.retention.domain.RetentionPolicies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Removes finished deliveries (delivered, exhausted, cancelled), with their payloads and every attempt, once they are
 * past their tenant's retention; deliveries still being tried stay. A batch is {@code limit} deliveries and their
 * attempts (a handful each, bounded by the retry schedule), deleted in one statement so none is left half-removed.
 */
@ApplicationScoped
public class DeliveryRetention implements PurgeTask {

    private final RetentionPolicies policies;

    public DeliveryRetention(RetentionPolicies policies) {
        this.policies = policies;
    }

    @Override
    public String table() {
        return "deliveries";
    }

    @Override
    public int purgeBatch(int limit) {
        return ((Number) policies.pastRetention(RetainedData.DELIVERIES, """
                        with due as (
                            select d.id from deliveries d
                            left join retention_settings r on r.company_id = d.company_id
                            where d.id < :bound and d.status in ('delivered', 'exhausted', 'cancelled')
                              and d.created_at < cast(:now as timestamptz) - make_interval(days => %s)
                            order by d.id limit :limit
                            for update of d skip locked),
                        attempts as (delete from delivery_attempts where delivery_id in (select id from due)),
                        removed as (delete from deliveries where id in (select id from due) returning 1)
                        select count(*) from removed""", limit)
                .getSingleResult()).intValue();
    }
}
