package io.callbook.webhook.outbound.infra;

import io.callbook.webhook.outbound.domain.CheckedEndpoint;
import io.callbook.webhook.outbound.domain.WebhookSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tenants' endpoints over HTTP(S), connecting to the address the policy checked: the client is given that address as
 * the server to connect to and the URL's host for the Host header, TLS SNI and the certificate check, so the host is
 * never resolved again (DNS rebinding) while https still proves it is the host the tenant named. No redirects are
 * followed (a redirect could lead into our network); the response body is discarded unread.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

    private static final Logger LOG = Logger.getLogger(HttpWebhookSender.class);

    private final HttpClient http;

    @Inject
    public HttpWebhookSender(Vertx vertx) {
        this(vertx, new HttpClientOptions());
    }

    /** @param options what a test needs besides ours (e.g. trust in its own certificate) */
    HttpWebhookSender(Vertx vertx, HttpClientOptions options) {
        this.http = vertx.createHttpClient(options
                .setConnectTimeout(3_000)
                .setVerifyHost(true)
                .setForceSni(true)
                .setTrustAll(false));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Override
    public Response send(CheckedEndpoint endpoint, Map<String, String> headers, byte[] body, Duration timeout) {
        URI url = endpoint.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(endpoint.address(), endpoint.port())))
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setSsl(endpoint.https())
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("user-agent", "Callbook-Webhooks/1");
        headers.forEach(request::putHeader);
        Future<HttpClientResponse> answer = http.request(request)
                .compose(sending -> sending.send(Buffer.buffer(body)))
                .compose(response -> response.end().map(response));
        try {
            HttpClientResponse response = answer.toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Response.answered(response.statusCode(),
                    Optional.ofNullable(response.getHeader("retry-after")).flatMap(HttpWebhookSender::retryAfter));
        } catch (TimeoutException e) {
            LOG.infof("Webhook %s to %s (%s) got no answer within %s", headers.get("webhook-id"), url,
                    endpoint.address().getHostAddress(), timeout);
            return Response.failed(TIMED_OUT);
        } catch (ExecutionException e) {
            LOG.infof("Webhook %s to %s (%s) failed: %s", headers.get("webhook-id"), url,
                    endpoint.address().getHostAddress(), e.getCause());
            return Response.failed(isTimeout(e.getCause()) ? TIMED_OUT : CONNECTION_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.failed(CONNECTION_FAILED);
        }
    }

    /** Vert.x and Netty each have a timeout exception of their own (connect, idle), with no common type. */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** {@code Retry-After} is either seconds or an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException neither) {
                return Optional.empty();
            }
        }
    }
}
