package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few calls of the services' public REST APIs that the local run makes (tokens, demo data). */
final class ServiceApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ServiceApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Exchanges an API key for a bearer token (POST /v1/tokens). */
    String token(String apiKey) {
        return post("/v1/tokens", null, Map.of("apiKey", apiKey), 200).path("accessToken").asText();
    }

    /** POSTs a JSON body and returns the JSON answer; any other status than the expected one is an error. */
    JsonNode post(String path, String bearerToken, Object body, int expectedStatus) {
        return send("POST", path, bearerToken, body, expectedStatus);
    }

    JsonNode put(String path, String bearerToken, Object body, int expectedStatus) {
        return send("PUT", path, bearerToken, body, expectedStatus);
    }

    void delete(String path, String bearerToken) {
        send("DELETE", path, bearerToken, null, 204);
    }

    private JsonNode send(String method, String path, String bearerToken, Object body, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                        + " (expected " + expectedStatus + "): " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }
}
