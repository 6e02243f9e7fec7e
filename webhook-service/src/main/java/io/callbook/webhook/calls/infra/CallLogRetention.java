package io.callbook.webhook.calls.infra;

import io.callbook.common.retention.PurgeTask;
import io.callbook.webhook.retention.domain.RetainedData;
import io.callbook.webhook.retention.domain.RetentionPolicies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Removes calls from the log once they are past their tenant's retention, counted from when the call was first logged.
 * Ids are time-ordered, so the candidates are found through the primary key.
 */
@ApplicationScoped
public class CallLogRetention implements PurgeTask {

    private final RetentionPolicies policies;

    public CallLogRetention(RetentionPolicies policies) {
        this.policies = policies;
    }

    @Override
    public String table() {
        return "calls";
    }

    @Override
    public int purgeBatch(int limit) {
        return policies.pastRetention(RetainedData.CALL_LOG, """
                        delete from calls where id in (
                            select c.id from calls c
                            left join retention_settings r on r.company_id = c.company_id
                            where c.id < :bound
                              and c.created_at < cast(:now as timestamptz) - make_interval(days => %s)
                            order by c.id limit :limit
                            for update of c skip locked)""", limit)
                .executeUpdate();
    }
}
