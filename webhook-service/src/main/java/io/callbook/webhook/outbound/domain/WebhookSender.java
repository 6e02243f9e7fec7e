package io.callbook.webhook.outbound.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one signed request to a tenant's endpoint (the HTTP client lives in infra), connecting to the checked address
 * only. What went wrong is logged for operators; the answer tells the tenant only in general words.
 */
public interface WebhookSender {

    String CONNECTION_FAILED = "Verbindung zum Empfänger fehlgeschlagen";
    String TIMED_OUT = "Zeitüberschreitung: der Empfänger hat nicht rechtzeitig geantwortet";
    String ADDRESS_REFUSED = "Empfängeradresse nicht erlaubt oder nicht auflösbar";

    Response send(CheckedEndpoint endpoint, Map<String, String> headers, byte[] body, Duration timeout);

    /**
     * @param statusCode 0 when no answer came (timeout, refused connection)
     * @param retryAfter what the receiver asked for with {@code Retry-After}
     * @param error      for the tenant, in German: what failed, never an address, port or exception text
     */
    record Response(int statusCode, Optional<Duration> retryAfter, String error) {

        public static Response failed(String error) {
            return new Response(0, Optional.empty(), error);
        }

        public static Response answered(int statusCode, Optional<Duration> retryAfter) {
            return new Response(statusCode, retryAfter,
                    statusCode >= 200 && statusCode < 300 ? null : "Der Empfänger antwortete mit HTTP " + statusCode);
        }
    }
}
