package io.callbook.webhook.outbound.domain;

import io.callbook.webhook.signing.domain.SecretBox;
import io.callbook.webhook.signing.domain.StandardWebhookSigner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due deliveries, signed as Standard Webhooks. 2xx delivers; 410 Gone disables the endpoint; anything else is
 * retried on the configured schedule (with jitter, and never sooner than a {@code Retry-After}) until it is exhausted.
 * Every attempt is recorded.
 * <p>
 * Sending runs on a bounded pool of its own ({@code callbook.webhook.outbound.senders}), never on the thread that asked
 * for it (a Kafka consumer, the scheduler): a tenant's slow endpoint holds a sender, not the consumption of events or
 * other tenants' deliveries. A delivery is claimed only when a sender is free to take it at once, and its lease
 * ({@code SKIP LOCKED}, so replicas never send one delivery twice at once) is set when its send starts and covers that
 * send alone: the request timeout plus a margin, not a batch queued behind it. Each endpoint has at most
 * {@code per-endpoint-concurrency} sends in flight on a replica; its further due deliveries are left for later, so
 * they cannot fill the pool while other endpoints wait.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Beyond the request timeout: the time to sign, record and commit around a send. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final int MAX_CLAIM = 50;

    private final EntityManager entityManager;
    private final WebhookSender sender;
    private final SecretBox secrets;
    private final EndpointAddressPolicy addresses;
    private final OutboundConfig config;
    private final ExecutorService senders;
    private final Semaphore freeSenders;
    private final Map<UUID, Integer> inFlight = new HashMap<>();
    private final ExecutorService dispatcher =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("delivery-dispatcher").daemon().factory());
    private final AtomicBoolean dispatchQueued = new AtomicBoolean();
    private volatile boolean stopping;

    public DeliveryWorker(EntityManager entityManager, WebhookSender sender, SecretBox secrets,
                          EndpointAddressPolicy addresses, OutboundConfig config) {
        this.entityManager = entityManager;
        this.sender = sender;
        this.secrets = secrets;
        this.addresses = addresses;
        this.config = config;
        this.senders = Executors.newFixedThreadPool(config.senders(),
                Thread.ofPlatform().name("delivery-sender-", 0).daemon().factory());
        this.freeSenders = new Semaphore(config.senders());
    }

    /** Has the dispatcher send what is due, without making the caller wait for any of it. */
    public void wake() {
        if (!stopping && dispatchQueued.compareAndSet(false, true)) {
            try {
                dispatcher.execute(() -> {
                    dispatchQueued.set(false);
                    try {
                        dispatch();
                    } catch (RuntimeException e) {
                        LOG.warnf("Dispatching webhook deliveries failed, retrying on the next poll: %s", e.toString());
                    }
                });
            } catch (RejectedExecutionException stopped) {
                // shutting down: what is due stays due for the next start or another replica
            }
        }
    }

    /** Whatever is in flight keeps its lease and is taken again by a replica once that runs out. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        dispatcher.shutdown();
        senders.shutdown();
    }

    /**
     * Hands due deliveries to free senders until none is due or no sender is free; runs on the dispatcher thread only.
     */
    private void dispatch() {
        while (!stopping) {
            int free = Math.min(freeSenders.availablePermits(), MAX_CLAIM);
            if (free == 0) {
                break;
            }
            List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(free));
            for (Claimed delivery : claimed) {
                freeSenders.acquireUninterruptibly();
                synchronized (inFlight) {
                    inFlight.merge(delivery.endpointId(), 1, Integer::sum);
                }
                senders.execute(() -> {
                    try {
                        deliver(delivery.id());
                    } finally {
                        synchronized (inFlight) {
                            inFlight.computeIfPresent(delivery.endpointId(), (endpoint, n) -> n == 1 ? null : n - 1);
                        }
                        freeSenders.release();
                        wake(); // a sender and maybe the endpoint are free again
                    }
                });
            }
            if (claimed.isEmpty()) {
                break;
            }
        }
    }

    /**
     * Up to {@code free} due deliveries, none of an endpoint that already has its share in flight here. Endpoints at
     * their limit are kept out of the query itself: left in, a slow endpoint's backlog would be all the query returns.
     */
    private List<Claimed> claim(int free) {
        Map<UUID, Integer> room = new HashMap<>();
        List<String> busy = new ArrayList<>();
        synchronized (inFlight) {
            inFlight.forEach((endpoint, n) -> {
                if (n >= config.perEndpointConcurrency()) {
                    busy.add(endpoint.toString());
                } else {
                    room.put(endpoint, config.perEndpointConcurrency() - n);
                }
            });
        }
        List<?> due = entityManager.createNativeQuery("""
                        select id, endpoint_id from deliveries
                        where status in ('pending', 'failed', 'delivering') and next_attempt_at <= :now
                          and endpoint_id <> all (cast(string_to_array(:busy, ',') as uuid[]))
                        order by next_attempt_at
                        limit :limit
                        for update skip locked""")
                .setParameter("now", Instant.now())
                .setParameter("busy", String.join(",", busy))
                .setParameter("limit", free)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object row : due) {
            Object[] columns = (Object[]) row;
            UUID endpoint = (UUID) columns[1];
            int left = room.getOrDefault(endpoint, config.perEndpointConcurrency());
            if (left > 0) {
                room.put(endpoint, left - 1);
                claimed.add(new Claimed((UUID) columns[0], endpoint));
            }
        }
        if (!claimed.isEmpty()) {
            entityManager.createNativeQuery("""
                            update deliveries set status = 'delivering', next_attempt_at = :lease
                            where id in (:ids)""")
                    .setParameter("lease", lease())
                    .setParameter("ids", claimed.stream().map(Claimed::id).toList())
                    .executeUpdate();
        }
        return claimed;
    }

    private Instant lease() {
        return Instant.now().plus(config.timeout()).plus(LEASE_MARGIN);
    }

    private record Claimed(UUID id, UUID endpointId) {
    }

    private void deliver(UUID id) {
        Attempt attempt;
        try {
            attempt = QuarkusTransaction.requiringNew().call(() -> prepare(id));
        } catch (RuntimeException e) {
            LOG.warnf("Delivery %s could not be prepared; it is taken again when its lease runs out: %s", id,
                    e.toString());
            return;
        }
        long started = System.nanoTime();
        WebhookSender.Response response;
        try {
            CheckedEndpoint endpoint = addresses.check(attempt.url());
            response = sender.send(endpoint, attempt.headers(), attempt.body(), config.timeout());
        } catch (EndpointNotAllowed e) {
            LOG.infof("Delivery %s not sent: %s", id, e.getMessage());
            response = WebhookSender.Response.failed(WebhookSender.ADDRESS_REFUSED);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Delivery %s failed", id);
            response = WebhookSender.Response.failed(WebhookSender.CONNECTION_FAILED);
        }
        WebhookSender.Response outcome = response;
        int millis = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        QuarkusTransaction.requiringNew().run(() -> record(id, outcome, millis));
    }

    /** Signs the request and starts the send's lease: from now, the request timeout plus the margin. */
    private Attempt prepare(UUID id) {
        Delivery delivery = Delivery.findById(id);
        delivery.nextAttemptAt = lease();
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        long timestamp = Instant.now().getEpochSecond();
        byte[] body = delivery.payload.getBytes(StandardCharsets.UTF_8);
        String signature = StandardWebhookSigner.signature(secrets.open(endpoint.secretSealed), delivery.id.toString(),
                timestamp, body);
        return new Attempt(endpoint.url, Map.of("webhook-id", delivery.id.toString(),
                "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature,
                "content-type", "application/json"), body);
    }

    private void record(UUID id, WebhookSender.Response response, int millis) {
        Delivery delivery = Delivery.findById(id);
        delivery.attempts++;
        delivery.lastStatusCode = response.statusCode() == 0 ? null : response.statusCode();
        delivery.lastError = response.error();
        entityManager.createNativeQuery("""
                        insert into delivery_attempts (delivery_id, attempted_at, status_code, error, duration_ms)
                        values (:delivery, now(), :status, :error, :millis)""")
                .setParameter("delivery", id)
                .setParameter("status", delivery.lastStatusCode)
                .setParameter("error", response.error())
                .setParameter("millis", millis)
                .executeUpdate();
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            delivery.status = "delivered";
            delivery.deliveredAt = Instant.now();
            delivery.nextAttemptAt = null;
        } else if (status == 410) {
            delivery.status = "cancelled";
            delivery.nextAttemptAt = null;
            WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
            endpoint.active = false;
            endpoint.disabledReason = "the endpoint answered 410 Gone";
            Delivery.update("status = 'cancelled', nextAttemptAt = null where endpointId = ?1 and status in ('pending', 'failed')",
                    endpoint.id);
            LOG.infof("Webhook endpoint %s answered 410 Gone and is disabled", endpoint.id);
        } else if (delivery.attempts > config.retrySchedule().size()) {
            delivery.status = "exhausted";
            delivery.nextAttemptAt = null;
        } else {
            delivery.status = "failed";
            Duration wait = jittered(config.retrySchedule().get(delivery.attempts - 1));
            if (response.retryAfter().isPresent() && response.retryAfter().get().compareTo(wait) > 0) {
                wait = response.retryAfter().get();
            }
            delivery.nextAttemptAt = Instant.now().plus(wait);
        }
    }

    /** Up to 20 % either way, so endpoints that failed together are not retried together. */
    private static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        long spread = millis / 5;
        return Duration.ofMillis(millis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }

    private record Attempt(String url, Map<String, String> headers, byte[] body) {
    }
}
