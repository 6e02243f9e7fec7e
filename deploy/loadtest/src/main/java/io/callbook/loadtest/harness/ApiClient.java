package io.callbook.loadtest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** JSON over HTTP to one Callbook service, for the calls a bench makes outside of Gatling: seeding, health, checks. */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final HttpClient http;

    protected ApiClient(String baseUrl, String token, HttpClient http) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.http = http;
    }

    public static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl, null, newHttpClient());
    }

    protected static HttpClient newHttpClient() {
        // HTTP/1.1, as Gatling and the providers speak it. The JDK's default, an h2c upgrade, also meets a Quarkus
        // problem: webhook-service answers 500 ("Request has already been read") to every POST over HTTP/2.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The same client acting with a bearer token. */
    public ApiClient withToken(String bearerToken) {
        return new ApiClient(baseUrl, bearerToken, http);
    }

    protected HttpClient http() {
        return http;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String token() {
        return token;
    }

    /**
     * The service answers on its API port: any status below 500 (a gateway's 502/503 means its service is down). Quarkus
     * opens that port once started; /q/health/ready is on the management port, which a bench against a cluster cannot
     * reach. False while nothing listens.
     */
    public boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/")).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(path, body)));
    }

    public Answer put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(json(path, body)));
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * Every item of a keyset-paginated list ({@code {"items":[...],"nextCursor":...}}). A long list takes more pages
     * than the route's rate limit allows in a minute (a 10-minute webhook run stores 180 000 events, 900 pages): a 429
     * is waited out as its Retry-After says, and the same page asked again.
     */
    public List<JsonNode> listAll(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=200" + (cursor == null ? "" : "&after=" + cursor);
            JsonNode body = expect(pastRateLimit(() -> get(page)), "GET " + path, 200).body();
            body.path("items").forEach(items::add);
            cursor = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /**
     * The call's first answer that is not a 429: each 429 is waited out as its Retry-After says and the call made again.
     * Seeding asks more of a route than its per-token limit allows when another bench or test shares the token.
     */
    public static Answer pastRateLimit(Supplier<Answer> call) {
        Answer answer = call.get();
        while (answer.status() == 429) {
            Pause.sleep(Duration.ofSeconds(Math.max(1, answer.retryAfterSeconds())), "waiting out a rate limit");
            answer = call.get();
        }
        return answer;
    }

    /** POST that must create (201); the new object's id. */
    public String create(String path, Object body) {
        return expect(post(path, body), "POST " + path, 201).body().path("id").asText();
    }

    /** The ids of a list's items by name (the first of a name wins): what seeders look for before creating. */
    public Map<String, String> idsByName(String path) {
        Map<String, String> ids = new HashMap<>();
        listAll(path).forEach(item -> ids.putIfAbsent(item.path("name").asText(), item.path("id").asText()));
        return ids;
    }

    public static Answer expect(Answer answer, String call, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException(call + " answered " + answer.status() + " (expected " + status + "): " + answer.body());
        }
        return answer;
    }

    protected HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    protected Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : parse(body);
            long retryAfter = response.headers().firstValue("Retry-After").map(ApiClient::seconds).orElse(0L);
            return new Answer(response.statusCode(), json, retryAfter);
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    private static HttpRequest.BodyPublisher json(String path, Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON for " + path, e);
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
