package io.callbook.webhook.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.webhook.InboundWebhookEvents;
import io.callbook.common.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Works the inbox: claims due events (most urgent first, {@code SKIP LOCKED} so replicas share the work), runs each
 * one's handler in a transaction of its own, and on failure schedules a retry with backoff until the last attempt,
 * which dead-letters the event; an {@link UnprocessableEvent} is dead-lettered at once, since retrying cannot help. A
 * claim is a lease: an event whose worker died is claimed again when it runs out.
 */
@ApplicationScoped
public class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final EntityManager entityManager;
    private final Instance<InboundHandler> handlers;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final ProcessingConfig config;
    private final RetrySchedule retries;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainAsked = new AtomicBoolean();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("inbox-worker").daemon().factory());

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
     * must not carry its processing.
     */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeQueued.set(false);
                drainSoon();
            });
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
        List<Claimed> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(this::claim);
            processAll(claimed);
            processed += claimed.size();
        } while (claimed.size() == config.batchSize());
        return processed;
    }

    /**
     * Call events of a batch are processed in one transaction: a commit and a read per event cost more than building
     * the call log itself (ADR 0006). If any fails, the batch is rolled back and each event runs on its own, so one
     * bad event never holds up the others. Calendar events always run on their own: each waits for booking-service.
     */
    private void processAll(List<Claimed> claimed) {
        List<UUID> together = new ArrayList<>(claimed.size());
        List<UUID> alone = new ArrayList<>();
        for (Claimed event : claimed) {
            (event.provider() == Provider.VOICE ? together : alone).add(event.id());
        }
        if (together.size() > 1 && processTogether(together)) {
            together.clear();
        }
        together.forEach(this::process);
        alone.forEach(this::process);
    }

    private boolean processTogether(List<UUID> ids) {
        try {
            QuarkusTransaction.requiringNew().run(() -> InboundEvent.<InboundEvent>list("id in ?1", ids)
                    .forEach(this::handle));
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("A batch of %d call events failed together (%s); each runs on its own", ids.size(), e.toString());
            return false;
        }
    }

    private record Claimed(UUID id, Provider provider) {
    }

    // No result class: Hibernate 7.2 caches a native query with one once per execution (see HoldExpiry).
    private List<Claimed> claim() {
        List<?> rows = entityManager.createNativeQuery("""
                        update inbound_events set status = 'processing', attempts = attempts + 1, next_attempt_at = :lease
                        where id in (select id from inbound_events
                                     where status in ('received', 'failed', 'processing')
                                       and (next_attempt_at is null or next_attempt_at <= :now)
                                     order by priority, received_at
                                     limit :batch
                                     for update skip locked)
                        returning id, provider""")
                .setParameter("lease", Instant.now().plus(LEASE))
                .setParameter("now", Instant.now())
                .setParameter("batch", config.batchSize())
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Claimed((UUID) row[0], Provider.fromDb((String) row[1])))
                .toList();
    }

    private void process(UUID id) {
        try {
            QuarkusTransaction.requiringNew().run(() -> handle(InboundEvent.findById(id)));
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> failed(id, e));
        }
    }

    private void handle(InboundEvent event) {
        Provider provider = Provider.fromDb(event.provider);
        JsonNode body = readBody(event);
        handlers.stream().filter(h -> h.handles(provider, event.eventType)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No handler for " + event.provider + " " + event.eventType))
                .handle(event, body);
        event.status = "done";
        event.processedAt = Instant.now();
        event.nextAttemptAt = null;
        event.lastError = null;
        outbox.publish(InboundWebhookEvents.TOPIC, InboundWebhookEvents.PROCESSED,
                WebhookIdentities.orderKey(event.dedupeKey), event.companyId, handled(event));
    }

    private void failed(UUID id, RuntimeException failure) {
        InboundEvent event = InboundEvent.findById(id);
        UnprocessableEvent unprocessable = unprocessable(failure);
        event.lastError = abbreviate(unprocessable == null ? failure.toString() : unprocessable.getMessage());
        if (unprocessable != null || event.attempts >= config.maxAttempts()) {
            event.status = "dead";
            event.nextAttemptAt = null;
            outbox.publish(InboundWebhookEvents.DEAD_LETTER_TOPIC, InboundWebhookEvents.DEAD, event.id.toString(),
                    event.companyId, handled(event));
            LOG.errorf("Inbound event %s (%s) is dead after %d attempt(s): %s", id, event.eventType, event.attempts,
                    event.lastError);
        } else {
            event.status = "failed";
            event.nextAttemptAt = Instant.now().plus(retries.delayAfter(event.attempts));
            LOG.warnf("Inbound event %s (%s) failed, attempt %d of %d, retry at %s: %s", id, event.eventType,
                    event.attempts, config.maxAttempts(), event.nextAttemptAt, event.lastError);
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
