package io.callbook.webhook.inbound.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.webhook.InboundWebhookEvents;
import io.callbook.common.outbox.Outbox;
import io.callbook.webhook.integration.domain.Provider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Works the inbox: takes due events most urgent first ({@code SKIP LOCKED}, so replicas share the work), processes a
 * batch's call events together and every other event in a transaction of its own, and on failure schedules a retry
 * with backoff until the last attempt or the end of the retry budget, which dead-letter the event; an outage of a
 * service it needs uses up no attempt, only budget; an {@link UnprocessableEvent} is dead-lettered at once, since
 * retrying cannot help. An event processed on its own is leased first: when its worker dies, it is taken
 * again once the lease runs out.
 */
@ApplicationScoped
public class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * The due events of a batch, most urgent first. Native SQL with the statuses written out, so that PostgreSQL uses
     * the partial index of due rows: the same query from HQL took 8 times as long per batch. Mapped to no result
     * class: Hibernate 7.2 caches a native query with one once per execution (see HoldExpiry).
     */
    private static final String DUE = """
            select id from inbound_events
            where status in ('received', 'failed', 'processing')
              and (next_attempt_at is null or next_attempt_at <= :now)
            order by priority, received_at
            limit :batch
            for update skip locked""";

    private final EntityManager entityManager;
    private final Instance<InboundHandler> handlers;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final ProcessingConfig config;
    private final RetrySchedule retries;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainAsked = new AtomicBoolean();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inbox-worker").daemon().factory());

    public InboundProcessor(EntityManager entityManager, Instance<InboundHandler> handlers, Outbox outbox,
                            ObjectMapper json, ProcessingConfig config) {
        this.entityManager = entityManager;
        this.handlers = handlers;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.retries = new RetrySchedule(config.firstRetryDelay(), config.maxRetryDelay());
    }

    /**
     * Has this replica's worker thread drain soon, without making the caller wait: an accepted webhook's answer
     * must not carry its processing. The webhooks that arrive within the gather delay are processed as one batch.
     */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> {
                    wakeQueued.set(false);
                    drainSoon();
                }, config.gatherDelay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // The service is shutting down (the poller and late requests still wake it); what is left in the
                // inbox stays there for the next start or another replica's poll.
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdown();
    }

    /**
     * Asks for a drain without stacking them: every accepted webhook asks, and one pass already running (it loops
     * while asked again) serves them all. A claim per webhook would cost more than the webhooks themselves.
     */
    public void drainSoon() {
        drainAsked.set(true);
        while (drainAsked.get() && draining.compareAndSet(false, true)) {
            try {
                while (drainAsked.getAndSet(false)) {
                    drain();
                }
            } finally {
                draining.set(false);
            }
        }
    }

    /** Processes due events until none is left; returns how many it processed. */
    public int drain() {
        int processed = 0;
        int claimed;
        do {
            claimed = drainBatch();
            processed += claimed;
        } while (claimed == config.batchSize());
        return processed;
    }

    /**
     * Call events of a batch are locked, processed and marked done in one transaction: a lease, a commit and a read
     * per event cost more than building the call log itself, and a crash rolls the locks back, so no lease is
     * needed for them (ADR 0007). Calendar events are leased and run on their own: each waits for booking-service.
     * If the batch fails, it is rolled back and every event is leased and runs on its own, so one bad event never
     * holds up the others.
     */
    private int drainBatch() {
        DueBatch batch;
        try {
            batch = QuarkusTransaction.requiringNew().call(this::processCallEventsTogether);
        } catch (RuntimeException e) {
            LOG.debugf("A batch of call events failed together (%s); each runs on its own", e.toString());
            batch = QuarkusTransaction.requiringNew().call(() -> new DueBatch(0, leaseDue()));
        }
        batch.leased().forEach(this::process);
        return batch.size();
    }

    private record DueBatch(int processedTogether, List<UUID> leased) {
        int size() {
            return processedTogether + leased.size();
        }
    }

    private DueBatch processCallEventsTogether() {
        List<UUID> due = new ArrayList<>();
        for (Object id : lockDue()) {
            due.add((UUID) id);
        }
        if (due.isEmpty()) {
            return new DueBatch(0, List.of());
        }
        List<InboundHandler.Received> together = new ArrayList<>();
        List<UUID> alone = new ArrayList<>();
        Instant leaseEnd = Instant.now().plus(LEASE);
        // Loaded by id: Hibernate translates an HQL "id in (list)" anew for every list (a large share of the
        // worker's profile); the loader's statement is built once.
        Session session = entityManager.unwrap(Session.class);
        for (InboundEvent event : session.findMultiple(InboundEvent.class, due)) {
            if (Provider.fromDb(event.provider) == Provider.VOICE) {
                // Marked done by markDone's one statement, not dirty-checked and updated one by one at the commit.
                session.setReadOnly(event, true);
                together.add(new InboundHandler.Received(event, readBody(event)));
            } else {
                event.attempts++;
                event.status = "processing";
                event.nextAttemptAt = leaseEnd;
                alone.add(event.id);
            }
        }
        handlers.forEach(handler -> {
            List<InboundHandler.Received> its = together.stream()
                    .filter(received -> handles(handler, received.event())).toList();
            if (!its.isEmpty()) {
                handler.prepare(its);
            }
        });
        List<Outbox.Message> processed = new ArrayList<>(together.size());
        for (InboundHandler.Received received : together) {
            processed.add(handle(received.event(), received.body()));
        }
        markDone(together.stream().map(InboundHandler.Received::event).toList());
        // One round trip for the batch's events: written one by one, they were a third of the worker's samples.
        outbox.publishAll(InboundWebhookEvents.TOPIC, InboundWebhookEvents.PROCESSED, processed);
        return new DueBatch(together.size(), alone);
    }

    /**
     * What {@link #handle} and the attempt's count do to one event, for the batch's call events in one statement:
     * their updates one by one in the commit's flush were 8 % of the worker's CPU. The outcome is the handler's.
     */
    private void markDone(List<InboundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        update inbound_events e
                        set status = 'done', processed_at = :now, attempts = e.attempts + 1, failing_since = null,
                            next_attempt_at = null, last_error = null, outcome = done.outcome
                        from unnest(cast(:ids as uuid[]), cast(:outcomes as text[])) as done (id, outcome)
                        where e.id = done.id""")
                .setParameter("now", Instant.now())
                .setParameter("ids", events.stream().map(event -> event.id).toArray(UUID[]::new))
                .setParameter("outcomes", events.stream().map(event -> event.outcome).toArray(String[]::new))
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
    }

    private List<?> lockDue() {
        return entityManager.createNativeQuery(DUE)
                .setParameter("now", Instant.now())
                .setParameter("batch", config.batchSize())
                .getResultList();
    }

    private List<UUID> leaseDue() {
        List<?> rows = entityManager.createNativeQuery("update inbound_events set status = 'processing', "
                        + "attempts = attempts + 1, next_attempt_at = :lease where id in (" + DUE + ") returning id")
                .setParameter("lease", Instant.now().plus(LEASE))
                .setParameter("now", Instant.now())
                .setParameter("batch", config.batchSize())
                .getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    private void process(UUID id) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                InboundEvent event = InboundEvent.findById(id);
                outbox.publishAll(InboundWebhookEvents.TOPIC, InboundWebhookEvents.PROCESSED,
                        List.of(handle(event, readBody(event))));
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> failed(id, e));
        }
    }

    /** Marks the event done once its handler did its work; returns the event that tells others so. */
    private Outbox.Message handle(InboundEvent event, JsonNode body) {
        handlers.stream().filter(handler -> handles(handler, event)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No handler for " + event.provider + " " + event.eventType))
                .handle(event, body);
        event.status = "done";
        event.processedAt = Instant.now();
        event.failingSince = null;
        event.nextAttemptAt = null;
        event.lastError = null;
        return new Outbox.Message(WebhookIdentities.orderKey(event.dedupeKey), event.companyId, handled(event));
    }

    private static boolean handles(InboundHandler handler, InboundEvent event) {
        return handler.handles(Provider.fromDb(event.provider), event.eventType);
    }

    /**
     * An outage (booking-service away, its circuit open, an earlier event still waiting) gives the attempt back: the
     * event waits, with growing pauses, and only the retry budget ends it. Every other failure uses up an attempt.
     * Either way no retry is planned past the budget's end, and an event failing at or beyond it is dead.
     */
    private void failed(UUID id, RuntimeException failure) {
        InboundEvent event = InboundEvent.findById(id);
        Instant now = Instant.now();
        UnprocessableEvent unprocessable = unprocessable(failure);
        boolean outage = unprocessable == null && Outages.isOutage(failure);
        event.lastError = abbreviate(unprocessable == null ? failure.toString() : unprocessable.getMessage());
        if (event.failingSince == null) {
            event.failingSince = now;
        }
        if (outage) {
            event.attempts = Math.max(0, event.attempts - 1);
        }
        Instant budgetEnd = event.failingSince.plus(config.retryBudget());
        boolean spent = !now.isBefore(budgetEnd);
        if (unprocessable != null || spent || (!outage && event.attempts >= config.maxAttempts())) {
            event.status = "dead";
            event.nextAttemptAt = null;
            outbox.publish(InboundWebhookEvents.DEAD_LETTER_TOPIC, InboundWebhookEvents.DEAD, event.id.toString(),
                    event.companyId, handled(event));
            LOG.errorf("Inbound event %s (%s) is dead after %d attempt(s)%s: %s", id, event.eventType, event.attempts,
                    spent ? " and " + Duration.between(event.failingSince, now) + " of failures (retry budget "
                            + config.retryBudget() + ")" : "", event.lastError);
        } else {
            event.status = "failed";
            Duration wait = outage ? retries.delayWhileFailingFor(Duration.between(event.failingSince, now))
                    : retries.delayAfter(event.attempts);
            Instant next = now.plus(wait);
            event.nextAttemptAt = next.isAfter(budgetEnd) ? budgetEnd : next;
            if (outage) {
                LOG.warnf("Inbound event %s (%s) waits for an unavailable service, failing since %s, retry at %s: %s",
                        id, event.eventType, event.failingSince, event.nextAttemptAt, event.lastError);
            } else {
                LOG.warnf("Inbound event %s (%s) failed, attempt %d of %d, retry at %s: %s", id, event.eventType,
                        event.attempts, config.maxAttempts(), event.nextAttemptAt, event.lastError);
            }
        }
    }

    private static InboundWebhookEvents.Handled handled(InboundEvent event) {
        return new InboundWebhookEvents.Handled(event.id, event.companyId, event.provider, event.eventType, event.outcome);
    }

    private static UnprocessableEvent unprocessable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableEvent unprocessable) {
                return unprocessable;
            }
        }
        return null;
    }

    private JsonNode readBody(InboundEvent event) {
        try {
            return json.readTree(event.body);
        } catch (IOException e) {
            throw new IllegalStateException("Stored body of " + event.id + " is not JSON", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
