package io.callbook.loadtest.harness;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The resolver-service calls the bench makes outside of Gatling: tokens, seeding, cache control, health. */
public final class ResolverClient extends ApiClient {

    private ResolverClient(String baseUrl, String token, HttpClient http) {
        super(baseUrl, token, http);
    }

    public static ResolverClient anonymous(String baseUrl) {
        return new ResolverClient(baseUrl, null, newHttpClient());
    }

    @Override
    public ResolverClient withToken(String bearerToken) {
        return new ResolverClient(baseUrl(), bearerToken, http());
    }

    /** Exchanges an API key for a bearer token (POST /v1/tokens). */
    public String exchange(String apiKey) {
        return expect(post("/v1/tokens", Map.of("apiKey", apiKey)), "POST /v1/tokens", 200).body().path("accessToken").asText();
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
}
