package io.callbook.common.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.context.ManagedExecutor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.Timeouts;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves committed outbox rows to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several replicas can relay side by side, and marked published only after Kafka acknowledged
 * them: a crash or an outage means a resend later (at-least-once), never a loss.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final ManagedExecutor executor;
    private final AtomicInteger wakeUps = new AtomicInteger();
    private volatile boolean lastRunFailed;
    private volatile boolean stopping;

    public OutboxRelay(EntityManager entityManager, @Channel("outbox") Emitter<String> emitter, OutboxConfig config,
                       ManagedExecutor executor) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.config = config;
        this.executor = executor;
    }

    /** Events leave right after the commit that wrote them, not at the next poll. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (!stopping && wakeUps.getAndIncrement() == 0) {
            executor.execute(this::relayUntilIdle);
        }
    }

    /** Catches what the wake-ups could not send, e.g. while Kafka was down, and other replicas' leftovers. */
    @Scheduled(every = "${callbook.outbox.poll-interval:1s}", delayed = "${callbook.outbox.first-poll-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!stopping && wakeUps.getAndIncrement() == 0) {
            relayUntilIdle();
        }
    }

    /** Whatever is still queued stays in the table for the next start (or another replica) to send. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** One relay loop at a time per replica; wake-ups that arrive meanwhile make it go round once more. */
    private void relayUntilIdle() {
        try {
            while (true) {
                relayPending();
                if (wakeUps.compareAndSet(1, 0)) {
                    return;
                }
                wakeUps.set(1);
            }
        } catch (RuntimeException e) {
            wakeUps.set(0);
            if (stopping) {
                return;
            }
            LOG.warnf("Outbox relay run failed, retrying on the next poll: %s", e.toString());
        }
    }

    void relayPending() {
        int relayed;
        do {
            relayed = QuarkusTransaction.requiringNew().call(this::relayBatch);
        } while (relayed == config.batchSize() && !stopping);
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteOldPublished() {
        Instant cutoff = Instant.now().minus(config.retention());
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("delete from OutboxEvent e where e.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
        if (deleted > 0) {
            LOG.infof("Deleted %d published outbox events older than %s", deleted, config.retention());
        }
    }

    /** @return how many events this batch claimed (published or not) */
    int relayBatch() {
        // A query, not native SQL mapped to the entity: Hibernate 7.2 caches a native query's plan once per execution
        // when it maps rows to an entity, and every later lookup compares against all of them.
        List<OutboxEvent> batch = entityManager.createQuery(
                        "from OutboxEvent e where e.publishedAt is null order by e.id", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            try {
                emitter.send(CloudEventMessages.of(event, config.source(), ack));
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
        }
        awaitQuietly(acks);
        Instant now = Instant.now();
        int published = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (acks.get(i).isDone() && !acks.get(i).isCompletedExceptionally()) {
                batch.get(i).publishedAt = now;
                published++;
            }
        }
        reportOutcome(batch.size(), published);
        return published == batch.size() ? batch.size() : 0;
    }

    private void awaitQuietly(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Unacknowledged events stay unpublished and are retried on the next run.
        }
    }

    private void reportOutcome(int claimed, int published) {
        boolean failed = published < claimed;
        if (failed && !lastRunFailed) {
            LOG.warnf("Kafka did not acknowledge %d of %d outbox events; they stay queued and are retried",
                    claimed - published, claimed);
        } else if (!failed && lastRunFailed) {
            LOG.infof("Kafka is acknowledging outbox events again");
        }
        lastRunFailed = failed;
    }
}
