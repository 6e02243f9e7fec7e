package io.callbook.webhook.outbound.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Sends one signed request to a tenant's endpoint (the HTTP client lives in infra). */
public interface WebhookSender {

    Response send(URI url, Map<String, String> headers, byte[] body, Duration timeout);

    /**
     * @param statusCode 0 when no answer came (timeout, refused connection)
     * @param retryAfter what the receiver asked for with {@code Retry-After}
     */
    record Response(int statusCode, Optional<Duration> retryAfter, String error) {
    }
}
