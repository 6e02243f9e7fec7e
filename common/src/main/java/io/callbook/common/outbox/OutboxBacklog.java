package io.callbook.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * How far the relay is behind: {@code callbook.outbox.backlog} (events not yet published) and
 * {@code callbook.outbox.oldest.age.seconds} (age of the oldest of them; 0 when there is none), and
 * {@code callbook.outbox.parked} (events given up on, see OutboxRelay: alert when above 0). Parked rows are not in the
 * backlog or its age, which would otherwise grow for ever and hide the next real delay. The table is read
 * every {@code callbook.outbox.gauge-interval} rather than at each scrape, so the number of scrapers costs nothing;
 * the age still grows between reads, from the creation time last seen. The outbox belongs to the service, not the
 * replica: every replica reports the same figures, so take the maximum across replicas, never the sum.
 */
@Singleton
public class OutboxBacklog implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final EntityManager entityManager;
    private volatile long backlog;
    private volatile long parked;
    private volatile Instant oldest;
    private volatile boolean lastReadFailed;

    public OutboxBacklog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("callbook.outbox.backlog", this, gauges -> gauges.backlog)
                .description("Outbox events not yet published to Kafka")
                .register(registry);
        Gauge.builder("callbook.outbox.parked", this, gauges -> gauges.parked)
                .description("Outbox events parked after Kafka refused them on every attempt; they are not sent")
                .register(registry);
        Gauge.builder("callbook.outbox.oldest.age.seconds", this, OutboxBacklog::oldestAgeSeconds)
                .description("Age of the oldest outbox event not yet published, 0 when none waits")
                .register(registry);
    }

    /** Every figure from one read of the partial index on unpublished rows. */
    @Scheduled(every = "${callbook.outbox.gauge-interval:5s}", delayed = "${callbook.outbox.gauge-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                            "select sum(case when e.parkedAt is null then 1 else 0 end), "
                                    + "sum(case when e.parkedAt is null then 0 else 1 end), "
                                    + "min(case when e.parkedAt is null then e.createdAt end) "
                                    + "from OutboxEvent e where e.publishedAt is null",
                            Object[].class)
                    .getSingleResult());
            backlog = row[0] == null ? 0 : ((Number) row[0]).longValue();
            parked = row[1] == null ? 0 : ((Number) row[1]).longValue();
            oldest = (Instant) row[2];
            if (lastReadFailed) {
                LOG.info("Outbox backlog readable again");
            }
            lastReadFailed = false;
        } catch (RuntimeException e) {
            // The figures stay as last read; one line per outage, not one per interval.
            if (!lastReadFailed) {
                LOG.warnf("Outbox backlog could not be read, gauges keep their last values: %s", e.toString());
            }
            lastReadFailed = true;
        }
    }

    /** Parked events as last read; 0 before the first read. */
    public long parked() {
        return parked;
    }

    private double oldestAgeSeconds() {
        Instant since = oldest;
        if (since == null || backlog == 0) {
            return 0;
        }
        return Math.max(0, (System.currentTimeMillis() - since.toEpochMilli()) / 1000.0);
    }
}
