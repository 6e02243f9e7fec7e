package io.callbook.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.context.ManagedExecutor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves committed outbox rows to Kafka, marking them published only after Kafka acknowledged them: a crash or an
 * outage means a resend later (at-least-once), never a loss.
 * <p>
 * One aggregate's events reach Kafka in the order they were written (ADR 0011). Across replicas: one relay at a time
 * per outbox table, by a transaction-scoped advisory lock; a replica that finds it taken waits its turn, briefly, and
 * then relays from the oldest unpublished row, so no two replicas ever send overlapping stretches of the table. Within
 * a batch: the rows are marked published up to the first one Kafka did not acknowledge and not beyond, so the next run
 * sends again from there, in order (consumers drop the duplicates by event id). A row Kafka refuses on its own (not
 * an outage) is counted, and after {@code callbook.outbox.park-after} attempts parked: an ERROR line, the
 * {@code callbook.outbox.parked} gauge and the readiness check's data say so, and the rows behind it move on.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Keeps the relay's turn apart from other advisory locks in the database (see StaffLocks in booking-service). */
    private static final int TURN_NAMESPACE = 0x0B0C5;

    private final EntityManager entityManager;
    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final ManagedExecutor executor;
    private final Vertx vertx;
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final Counter parkedCount;
    private volatile boolean lastRunFailed;
    private volatile boolean stopping;

    public OutboxRelay(EntityManager entityManager, @Channel("outbox") Emitter<String> emitter, OutboxConfig config,
                       ManagedExecutor executor, Vertx vertx, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.parkedCount = Counter.builder("callbook.outbox.parked.events")
                .description("Outbox events parked because Kafka refused them on every attempt")
                .register(registry);
        this.emitter = emitter;
        this.config = config;
        this.executor = executor;
        this.vertx = vertx;
    }

    /** Events leave right after the commit that wrote them (a gathering pause later), not at the next poll. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (!stopping && wakeUps.getAndIncrement() == 0) {
            relayAfterGathering();
        }
    }

    /**
     * A run costs four statements and a Kafka round trip however few rows it sends; run right after each commit, it
     * sent two to four rows a run at 100 bookings a second, and the relay took a twelfth of booking-service's CPU. The
     * pause lets the commits of the next few milliseconds share the run.
     */
    private void relayAfterGathering() {
        long pause = config.gather().toMillis();
        if (pause <= 0) {
            executor.execute(this::relayUntilIdle);
        } else {
            vertx.setTimer(pause, id -> {
                if (!stopping) {
                    executor.execute(this::relayUntilIdle);
                }
            });
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

    /** One relay run at a time per replica; wake-ups that arrive meanwhile make it run once more, after a pause. */
    private void relayUntilIdle() {
        try {
            relayPending();
        } catch (RuntimeException e) {
            wakeUps.set(0);
            if (!stopping) {
                LOG.warnf("Outbox relay run failed, retrying on the next poll: %s", e.toString());
            }
            return;
        }
        if (!wakeUps.compareAndSet(1, 0)) {
            wakeUps.set(1);
            if (!stopping) {
                relayAfterGathering();
            }
        }
    }

    void relayPending() {
        Outcome outcome;
        do {
            try {
                outcome = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } catch (RuntimeException e) {
                if (!isLockTimeout(e)) {
                    throw e;
                }
                // Another replica held the turn for longer than a batch may take; its run or our next poll sends ours.
                LOG.debugf("Outbox relay did not get its turn: %s", e.toString());
                return;
            }
        } while (outcome.goOn() && !stopping);
    }

    /** @param goOn whether more may be waiting right now: a full batch went out, or a row was parked */
    record Outcome(int published, boolean goOn) {
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

    Outcome relayBatch() {
        waitForTurn();
        // A query, not native SQL mapped to the entity: Hibernate 7.2 caches a native query's plan once per execution
        // when it maps rows to an entity, and every later lookup compares against all of them. The rows are locked
        // (waiting, never skipping: a skipped row would let its successors overtake it) so that a relay of an older
        // version, which does not take the turn, leaves them alone during a rolling update.
        // Read-only: the rows sent are marked by one statement below, so there is nothing to dirty-check at commit.
        List<OutboxEvent> batch = entityManager.createQuery(
                        "from OutboxEvent e where e.publishedAt is null and e.parkedAt is null order by e.id",
                        OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        if (batch.isEmpty()) {
            return new Outcome(0, false);
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        List<RuntimeException> unbuildable = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            Message<String> message;
            try {
                message = CloudEventMessages.of(event, config.source(), ack);
            } catch (RuntimeException e) {
                // The row itself cannot become a record (e.g. an unusable header value): its own failure.
                unbuildable.add(e);
                ack.completeExceptionally(e);
                continue;
            }
            unbuildable.add(null);
            try {
                emitter.send(message);
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
        }
        awaitQuietly(acks);
        Instant now = Instant.now();
        int published = 0;
        while (published < batch.size() && acknowledged(acks.get(published))) {
            published++;
        }
        markPublished(batch.subList(0, published), now);
        boolean parked = false;
        if (published < batch.size()) {
            OutboxEvent first = batch.get(published);
            Throwable own = unbuildable.get(published) != null ? unbuildable.get(published)
                    : ownFailure(acks.get(published));
            if (own != null) {
                entityManager.unwrap(Session.class).setReadOnly(first, false);
                parked = countFailure(first, own, now);
            }
        }
        reportOutcome(batch.size(), published);
        return new Outcome(published, parked || published == config.batchSize());
    }

    /**
     * The outbox table's relay turn: a transaction-scoped advisory lock, given back by the commit (or by PostgreSQL
     * when the replica dies), so there is no lease to expire or renew. The two-int form has a key space of its own; the
     * schema names the table, the lock itself is per database. Waiting is bounded by a little more than a batch's
     * send timeout, beyond which the holder has given up on its batch anyway.
     * <p>
     * One statement, as a turn is taken for every batch, often of a single row. The lock is asked for once per row of
     * the materialised CTE, so only after the CTE has set the transaction's lock timeout.
     */
    private void waitForTurn() {
        entityManager.createNativeQuery("""
                        with timeout as materialized (select set_config('lock_timeout', :timeout, true))
                        select count(pg_advisory_xact_lock(:namespace, hashtext(current_schema()))) from timeout""")
                .setParameter("timeout", (config.sendTimeout().toMillis() + 5_000) + "ms")
                .setParameter("namespace", TURN_NAMESPACE)
                .getSingleResult();
    }

    /**
     * One statement for the whole acknowledged prefix instead of an update per row: a batch is up to
     * {@code batch-size} rows. The ids, not a range: rows of transactions that committed later can lie between them.
     */
    private void markPublished(List<OutboxEvent> sent, Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("update outbox set published_at = :now where id = any(cast(:ids as bigint[]))")
                .setParameter("now", now)
                .setParameter("ids", sent.stream().map(event -> event.id).toArray(Long[]::new))
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
    }

    private static boolean acknowledged(CompletableFuture<Void> ack) {
        return ack.isDone() && !ack.isCompletedExceptionally();
    }

    /**
     * The failure that is the row's own: Kafka answered, and refused this record for good (too large, invalid topic,
     * not authorised, ...). Retriable errors and no answer at all are Kafka being away, which no row is to blame for.
     */
    private static Throwable ownFailure(CompletableFuture<Void> ack) {
        if (!ack.isCompletedExceptionally()) {
            return null;
        }
        Throwable failure;
        try {
            ack.getNow(null);
            return null;
        } catch (CompletionException | CancellationException e) {
            failure = e.getCause() == null ? e : e.getCause();
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return null;
            }
            if (t instanceof ApiException || t instanceof SerializationException) {
                return t;
            }
        }
        return null;
    }

    /** @return whether the row was parked, so the rows behind it can go now */
    private boolean countFailure(OutboxEvent event, Throwable failure, Instant now) {
        event.attempts++;
        event.lastError = abbreviate(failure.toString());
        if (event.attempts < config.parkAfter()) {
            LOG.warnf("Outbox event %s (%s, topic %s) refused, attempt %d of %d; the events behind it wait: %s",
                    event.eventId, event.eventType, event.topic, event.attempts, config.parkAfter(), event.lastError);
            return false;
        }
        event.parkedAt = now;
        parkedCount.increment();
        LOG.errorf("Outbox event %s (%s, topic %s, aggregate %s) parked after %d attempts and will not be sent; "
                        + "fix the cause, then release it with: update outbox set parked_at = null, attempts = 0 "
                        + "where event_id = '%s'. Last error: %s", event.eventId, event.eventType, event.topic,
                event.aggregateId, event.attempts, event.eventId, event.lastError);
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    /** PostgreSQL's lock_not_available: the turn was not free within the lock timeout. */
    private static boolean isLockTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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
