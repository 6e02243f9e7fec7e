package io.callbook.webhook.inbound.infra;

import io.callbook.common.api.Ids;
import io.callbook.webhook.inbound.domain.ProcessingConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Removes processed webhooks once they are past retention, so the inbox holds days, not years. Ids are time-ordered,
 * so the old rows are found through the primary key, with no index of their own to keep up on every write; small
 * batches, each its own transaction, never hold locks the worker would wait for.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    private static final int BATCH = 5_000;

    private final EntityManager entityManager;
    private final ProcessingConfig config;

    public InboxRetention(EntityManager entityManager, ProcessingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "${callbook.webhook.processing.retention-sweep:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        purgeBefore(Instant.now().minus(config.retention()));
    }

    /** Deletes processed and ignored webhooks received before {@code cutoff}; returns how many. */
    public int purgeBefore(Instant cutoff) {
        int purged = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                            delete from inbound_events where id in (
                                select id from inbound_events
                                where id < :cutoff and status in ('done', 'ignored')
                                order by id limit :batch
                                for update skip locked)""")
                    .setParameter("cutoff", Ids.firstAt(cutoff))
                    .setParameter("batch", BATCH)
                    .executeUpdate());
            purged += batch;
        } while (batch == BATCH);
        if (purged > 0) {
            LOG.infof("Removed %d processed webhooks received before %s", purged, cutoff);
        }
        return purged;
    }
}
