package io.callbook.webhook.inbound.infra;

import io.callbook.common.retention.PurgeTask;
import io.callbook.webhook.retention.domain.RetainedData;
import io.callbook.webhook.retention.domain.RetentionPolicies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Removes finished webhooks, with their raw bodies (which can hold call transcripts), once they are past their tenant's
 * retention, so the inbox holds days, not years. Dead letters go too: an operator has the whole period to replay them,
 * and keeping personal data longer because processing failed is no reason the law accepts. Events still to be
 * processed (received, processing, failed) stay. Ids are time-ordered, so the candidates are found through the primary
 * key, with no index of their own to keep up on every write; common's RetentionSweeper runs it in small batches.
 */
@ApplicationScoped
public class InboxRetention implements PurgeTask {

    private final RetentionPolicies policies;

    public InboxRetention(RetentionPolicies policies) {
        this.policies = policies;
    }

    @Override
    public String table() {
        return "inbound_events";
    }

    @Override
    public int purgeBatch(int limit) {
        return policies.pastRetention(RetainedData.INBOX, """
                        delete from inbound_events where id in (
                            select e.id from inbound_events e
                            left join retention_settings r on r.company_id = e.company_id
                            where e.id < :bound and e.status in ('done', 'ignored', 'dead')
                              and e.received_at < cast(:now as timestamptz) - make_interval(days => %s)
                            order by e.id limit :limit
                            for update of e skip locked)""", limit)
                .executeUpdate();
    }
}
