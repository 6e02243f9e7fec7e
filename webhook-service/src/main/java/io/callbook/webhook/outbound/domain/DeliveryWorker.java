package io.callbook.webhook.outbound.domain;

import io.callbook.webhook.signing.domain.SecretBox;
import io.callbook.webhook.signing.domain.StandardWebhookSigner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due deliveries, signed as Standard Webhooks. 2xx delivers; 410 Gone disables the endpoint; anything else is
 * retried on the configured schedule (with jitter, and never sooner than a {@code Retry-After}) until it is exhausted.
 * Every attempt is recorded. Claims are leases ({@code SKIP LOCKED}), so replicas never send one delivery twice at once.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;

    private final EntityManager entityManager;
    private final WebhookSender sender;
    private final SecretBox secrets;
    private final EndpointAddressPolicy addresses;
    private final OutboundConfig config;

    public DeliveryWorker(EntityManager entityManager, WebhookSender sender, SecretBox secrets,
                          EndpointAddressPolicy addresses, OutboundConfig config) {
        this.entityManager = entityManager;
        this.sender = sender;
        this.secrets = secrets;
        this.addresses = addresses;
        this.config = config;
    }

    public int drain() {
        int sent = 0;
        List<UUID> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(this::claim);
            claimed.forEach(this::deliver);
            sent += claimed.size();
        } while (claimed.size() == BATCH);
        return sent;
    }

    private List<UUID> claim() {
        Instant lease = Instant.now().plus(config.timeout()).plus(Duration.ofSeconds(30));
        List<?> ids = entityManager.createNativeQuery("""
                        update deliveries set status = 'delivering', next_attempt_at = :lease
                        where id in (select id from deliveries
                                     where status in ('pending', 'failed', 'delivering') and next_attempt_at <= :now
                                     order by next_attempt_at
                                     limit :batch
                                     for update skip locked)
                        returning id""")
                .setParameter("lease", lease)
                .setParameter("now", Instant.now())
                .setParameter("batch", BATCH)
                .getResultList();
        return ids.stream().map(UUID.class::cast).toList();
    }

    private void deliver(UUID id) {
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> prepare(id));
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

    private Attempt prepare(UUID id) {
        Delivery delivery = Delivery.findById(id);
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
