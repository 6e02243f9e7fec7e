package io.callbook.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The resolver-service calls the bench makes outside of Gatling: tokens, seeding, cache control, health. */
public final class ResolverClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final HttpClient http;

    private ResolverClient(String baseUrl, String token, HttpClient http) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.http = http;
    }

    public static ResolverClient anonymous(String baseUrl) {
        return new ResolverClient(baseUrl, null, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    /** The same client acting with a bearer token. */
    public ResolverClient withToken(String bearerToken) {
        return new ResolverClient(baseUrl, bearerToken, http);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String token() {
        return token;
    }

    /** GET /q/health/ready answers 200; false while nothing listens. */
    public boolean isReady() {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(2)).GET())
                    .status() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Exchanges an API key for a bearer token (POST /v1/tokens). */
    public String exchange(String apiKey) {
        return expect(post("/v1/tokens", Map.of("apiKey", apiKey)), "POST /v1/tokens", 200).body().path("accessToken").asText();
    }

    public Answer post(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON for " + path, e);
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** Every item of a keyset-paginated list ({@code {"items":[...],"nextCursor":...}}). */
    public List<JsonNode> listAll(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=200" + (cursor == null ? "" : "&after=" + cursor);
            JsonNode body = expect(get(page), "GET " + path, 200).body();
            body.path("items").forEach(items::add);
            cursor = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /** GET /v1/resolve; the answer's status tells found (200), unknown (404) or invalid (422). */
    public Answer resolve(String number, String region) {
        String query = "number=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + (region == null ? "" : "&region=" + region);
        return get("/v1/resolve?" + query);
    }

    /** DELETE /internal/cache: the next lookups go to the database. */
    public JsonNode clearCache() {
        return expect(send(request("/internal/cache").DELETE()), "DELETE /internal/cache", 200).body();
    }

    /** POST /internal/cache/warm: every assigned number in the in-process cache and Redis. */
    public JsonNode warmCache() {
        return expect(send(request("/internal/cache/warm").POST(HttpRequest.BodyPublishers.noBody())),
                "POST /internal/cache/warm", 200).body();
    }

    public static Answer expect(Answer answer, String call, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException(call + " answered " + answer.status() + " (expected " + status + "): " + answer.body());
        }
        return answer;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : parse(body);
            long retryAfter = response.headers().firstValue("Retry-After").map(ResolverClient::seconds).orElse(0L);
            return new Answer(response.statusCode(), json, retryAfter);
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body); // e.g. a plain-text error page
        }
    }

    /**
     * A status and the JSON body (a text node when the body was not JSON).
     *
     * @param retryAfterSeconds of a 429 answer; 0 when the header is absent
     */
    public record Answer(int status, JsonNode body, long retryAfterSeconds) {
    }
}
