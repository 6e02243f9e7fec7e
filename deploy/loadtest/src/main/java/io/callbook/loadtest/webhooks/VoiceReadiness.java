package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.Pause;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits, one call at a time, until webhook-service gives every voice function's real answer a few times in a row.
 * A cold service's first calls (class loading, first tokens and queries) outlast the functions' time budget, and
 * their timeouts open webhook-service's circuit breakers for seconds: a run measured then would measure fallbacks.
 */
public final class VoiceReadiness {

    static final int MAX_ATTEMPTS = 120;
    private static final int IN_A_ROW = 3;
    private static final Duration PAUSE = Duration.ofMillis(500);
    private static final List<SignedRequest> FUNCTIONS = List.of(SignedRequest.VOICE_AVAILABILITY, SignedRequest.VOICE_BOOKING);

    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1 as the load generator sends it: webhook-service answers POSTs over HTTP/2 with 500
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * @param probe a voice run's settings whose slots are the probe's own (each booking attempt takes one)
     * @return empty when ready; else what a function still answered after {@link #MAX_ATTEMPTS} attempts
     */
    public Optional<String> await(WebhookLoadSettings probe) {
        VoiceFunctionFeeder feeder = VoiceFunctionFeeder.of(probe);
        int attempts = 0;
        for (SignedRequest function : FUNCTIONS) {
            int inARow = 0;
            String verdict = "";
            while (inARow < IN_A_ROW) {
                if (attempts++ >= MAX_ATTEMPTS) {
                    return Optional.of(function.function() + ": " + verdict);
                }
                verdict = verdictOn(probe.baseUrl(), function, feeder.next(function));
                if (verdict.equals(VoiceAnswerVerdict.REAL)) {
                    inARow++;
                } else {
                    inARow = 0;
                    Pause.sleep(PAUSE, "waiting for voice functions");
                }
            }
        }
        return Optional.empty();
    }

    /** Sends one fed request and judges its answer. */
    String verdictOn(String baseUrl, SignedRequest function, Map<String, Object> request) {
        HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl + request.get(WebhookFeeder.PATH)))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(function.signature().header(), (String) request.get(WebhookFeeder.SIGNATURE))
                .POST(HttpRequest.BodyPublishers.ofString((String) request.get(WebhookFeeder.BODY)))
                .build();
        try {
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? VoiceAnswerVerdict.of(function, response.body())
                    : "status " + response.statusCode();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for voice functions", e);
        }
    }
}
