package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * perf-ops-service's API as the CLI uses it: optimize runs and their reports, load tests. Every refusal becomes a
 * {@link Refused} whose message a person can act on.
 */
final class OpsApi {

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    OpsApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The API said no, or did not answer. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    JsonNode startOptimize(Map<String, Boolean> options) {
        return send("POST", "/v1/ops/optimize", options, 202);
    }

    JsonNode report(String id) {
        return send("GET", "/v1/ops/reports/" + encode(id), null, 200);
    }

    JsonNode reports(int limit) {
        return send("GET", "/v1/ops/reports?limit=" + limit, null, 200);
    }

    JsonNode startLoadTest(String bench, List<String> args) {
        return send("POST", "/v1/ops/loadtests", Map.of("bench", bench, "args", args), 202);
    }

    JsonNode loadTest(String id) {
        return send("GET", "/v1/ops/loadtests/" + encode(id), null, 200);
    }

    private JsonNode send(String method, String path, Object body, int expected) {
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(ServiceApi.JSON.writeValueAsString(body)));
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Refused(0, "perf-ops-service does not answer on " + baseUrl + " (./callbook status shows what runs)");
        } catch (IOException e) {
            throw new Refused(0, method + " " + baseUrl + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(0, "Interrupted");
        }
        if (response.statusCode() != expected) {
            throw refusal(response.statusCode(), path, response.body());
        }
        try {
            return ServiceApi.JSON.readTree(response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            throw new Refused(response.statusCode(), "perf-ops-service answered " + path + " with something other than JSON");
        }
    }

    /** What went wrong, from the status and the problem's detail. */
    static Refused refusal(int status, String path, String body) {
        String detail = detail(body);
        String message = switch (status) {
            case 401 -> "perf-ops-service refused the token (401): " + (detail.isEmpty() ? "not valid" : detail)
                    + ". A suite restarted since? Run the command again.";
            case 403 -> "The token may not do this (403): ops or platform-admin needed.";
            case 404 -> "Not found (404): " + (detail.isEmpty() ? path : detail);
            case 409 -> "Another run is in progress (409): " + detail + " Wait for it (./callbook ops reports) and try again.";
            case 400 -> "perf-ops-service refused the request (400): " + detail;
            case 503 -> "Not available (503): " + detail;
            default -> "perf-ops-service answered " + status + " to " + path + (detail.isEmpty() ? "" : ": " + detail);
        };
        return new Refused(status, message.strip());
    }

    private static String detail(String body) {
        try {
            JsonNode problem = ServiceApi.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            StringBuilder text = new StringBuilder(problem.path("detail").asText(problem.path("title").asText("")));
            for (JsonNode violation : problem.path("violations")) {
                text.append(text.isEmpty() ? "" : "; ").append(violation.path("field").asText())
                        .append(": ").append(violation.path("message").asText());
            }
            if (problem.hasNonNull("running")) {
                text.append(" (running: ").append(problem.path("running").asText()).append(')');
            }
            return text.toString();
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
