package io.callbook.webhook.outbound.infra;

import io.callbook.webhook.outbound.domain.CheckedEndpoint;
import io.callbook.webhook.outbound.domain.WebhookSender;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The sender against real local receivers, over http and https: it connects to the checked address and nowhere else
 * (the hosts named here do not even resolve), keeps the named host for Host, SNI and the certificate check, and tells
 * the tenant what failed without addresses.
 */
class HttpWebhookSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> HEADERS = Map.of("webhook-id", "msg_1", "content-type", "application/json");
    private static final byte[] BODY = "{\"type\":\"appointment.booked\"}".getBytes(StandardCharsets.UTF_8);

    private static Vertx vertx;
    private static PfxOptions certificate;
    private static final List<Seen> seen = new CopyOnWriteArrayList<>();

    private record Seen(String host, String uri, String serverName, String body, String webhookId) {
    }

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        certificate = selfSigned("receiver.test");
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A key and self-signed certificate for the host, made by the JDK's keytool (no certificate library needed). */
    private static PfxOptions selfSigned(String host) throws Exception {
        Path store = Files.createTempDirectory("receiver-tls").resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + host, "-ext", "SAN=dns:" + host, "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        return new PfxOptions().setPath(store.toString()).setPassword("changeit");
    }

    @Test
    void overHttpItConnectsToTheCheckedAddressAndSendsTheNamedHost() throws Exception {
        int port = receiver(false, answer(204));
        WebhookSender.Response response = sender().send(endpoint("http://receiver.invalid:" + port + "/hooks/in?x=1"),
                HEADERS, BODY, TIMEOUT);

        assertEquals(204, response.statusCode());
        Seen request = last();
        assertEquals("receiver.invalid:" + port, request.host());
        assertEquals("/hooks/in?x=1", request.uri());
        assertEquals("msg_1", request.webhookId());
        assertEquals(new String(BODY, StandardCharsets.UTF_8), request.body());
    }

    @Test
    void overHttpsTheCertificateIsCheckedAgainstTheNamedHost() throws Exception {
        int port = receiver(true, answer(200));

        WebhookSender.Response response = trustingSender().send(endpoint("https://receiver.test:" + port + "/"),
                HEADERS, BODY, TIMEOUT);

        assertEquals(200, response.statusCode());
        assertEquals("receiver.test", last().serverName(), "SNI names the host, not the address");
    }

    @Test
    void aCertificateOfAnotherHostIsRefusedWithAGenericError() throws Exception {
        int port = receiver(true, answer(200));

        WebhookSender.Response response = trustingSender().send(endpoint("https://imposter.test:" + port + "/"),
                HEADERS, BODY, TIMEOUT);

        assertEquals(0, response.statusCode());
        assertEquals(WebhookSender.CONNECTION_FAILED, response.error());
    }

    @Test
    void aRefusedConnectionIsReportedWithoutAddressOrPort() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        WebhookSender.Response response = sender().send(endpoint("http://receiver.invalid:" + closed + "/"), HEADERS,
                BODY, TIMEOUT);

        assertEquals(0, response.statusCode());
        assertEquals("Verbindung zum Empfänger fehlgeschlagen", response.error());
        assertFalse(response.error().contains(Integer.toString(closed)));
    }

    @Test
    void aReceiverThatNeverAnswersTimesOut() throws Exception {
        int port = receiver(false, request -> { });

        WebhookSender.Response response = sender().send(endpoint("http://receiver.invalid:" + port + "/"), HEADERS, BODY,
                Duration.ofMillis(500));

        assertEquals(0, response.statusCode());
        assertEquals(WebhookSender.TIMED_OUT, response.error());
    }

    @Test
    void anErrorStatusIsReportedWithRetryAfterAndRedirectsAreNotFollowed() throws Exception {
        int port = receiver(false, request -> request.response().setStatusCode(503).putHeader("Retry-After", "7").end());
        WebhookSender.Response unavailable = sender().send(endpoint("http://receiver.invalid:" + port + "/"), HEADERS,
                BODY, TIMEOUT);
        int redirecting = receiver(false, request -> request.response().setStatusCode(307)
                .putHeader("Location", "http://169.254.169.254/latest/meta-data").end());
        WebhookSender.Response redirected = sender().send(endpoint("http://receiver.invalid:" + redirecting + "/"),
                HEADERS, BODY, TIMEOUT);

        assertEquals(503, unavailable.statusCode());
        assertEquals(Optional.of(Duration.ofSeconds(7)), unavailable.retryAfter());
        assertEquals("Der Empfänger antwortete mit HTTP 503", unavailable.error());
        assertEquals(307, redirected.statusCode());
    }

    private static HttpWebhookSender sender() {
        return new HttpWebhookSender(vertx, new HttpClientOptions());
    }

    private static HttpWebhookSender trustingSender() {
        return new HttpWebhookSender(vertx, new HttpClientOptions().setTrustOptions(certificate));
    }

    private static CheckedEndpoint endpoint(String url) {
        return new CheckedEndpoint(URI.create(url), InetAddress.getLoopbackAddress());
    }

    private static Consumer<HttpServerRequest> answer(int status) {
        return request -> request.response().setStatusCode(status).end();
    }

    /** A receiver on 127.0.0.1 that records each request and answers as told; its port. */
    private static int receiver(boolean https, Consumer<HttpServerRequest> answer) throws Exception {
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0);
        if (https) {
            options.setSsl(true).setSni(true).setKeyCertOptions(certificate);
        }
        HttpServer server = vertx.createHttpServer(options).requestHandler(request -> request.body().onSuccess(body -> {
            seen.add(new Seen(request.getHeader("Host"), request.uri(), request.connection().indicatedServerName(),
                    body.toString(StandardCharsets.UTF_8), request.getHeader("webhook-id")));
            answer.accept(request);
        }));
        return server.listen().toCompletionStage().toCompletableFuture().get().actualPort();
    }

    private static Seen last() {
        return seen.get(seen.size() - 1);
    }
}
