package io.callbook.loadtest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a paginated list over real HTTP, against a server that speaks like Callbook's list routes. */
class ApiClientTest {

    private final HttpServer server = start();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRateLimitedPageIsAskedAgainAfterItsRetryAfter() {
        AtomicBoolean limited = new AtomicBoolean();
        server.createContext("/v1/things", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            asked.add(query);
            if (!query.contains("after=")) {
                answer(exchange, 200, "{\"items\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"nextCursor\":\"2\"}", null);
            } else if (limited.compareAndSet(false, true)) {
                answer(exchange, 429, "{\"status\":429,\"title\":\"Too many requests\"}", "1");
            } else {
                answer(exchange, 200, "{\"items\":[{\"id\":\"3\"}]}", null);
            }
        });

        long started = System.nanoTime();
        List<JsonNode> items = client().listAll("/v1/things?kind=a");

        assertEquals(List.of("1", "2", "3"), items.stream().map(item -> item.path("id").asText()).toList());
        assertEquals(List.of("kind=a&limit=200", "kind=a&limit=200&after=2", "kind=a&limit=200&after=2"), asked);
        assertTrue(System.nanoTime() - started >= 1_000_000_000L, "waited the Retry-After second");
    }

    @Test
    void anyOtherRefusalEndsTheReadWithTheAnswer() {
        server.createContext("/v1/things", exchange -> answer(exchange, 403, "{\"status\":403}", null));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> client().listAll("/v1/things"));
        assertTrue(refused.getMessage().contains("answered 403"), refused.getMessage());
    }

    private ApiClient client() {
        return ApiClient.anonymous("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
