package io.callbook.loadtest.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.loadtest.harness.ApiClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Reads an integration's events back from webhook-service's inbox ({@code GET /v1/webhooks/events?integration=}). */
public final class InboxReadBack {

    /** Statuses of an event the worker has still to finish (failed ones wait for a retry). */
    static final List<String> PENDING = List.of("received", "processing", "failed");

    private final ApiClient webhooks;

    /** @param webhooks webhook-service with a platform-admin (or ops) token */
    public InboxReadBack(ApiClient webhooks) {
        this.webhooks = webhooks;
    }

    /** Waits until no event of the integration is pending, at most {@code timeout}; whether it got there. */
    public boolean awaitSettled(String integrationId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (PENDING.stream().noneMatch(status -> hasAny(integrationId, status))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the inbox", e);
            }
        }
    }

    /** Every event of the integration, with its status. */
    public Events events(String integrationId) {
        List<ProcessingLatency.Event> times = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> types = new TreeMap<>();
        for (JsonNode event : webhooks.listAll(eventsOf(integrationId))) {
            times.add(new ProcessingLatency.Event(Instant.parse(event.path("receivedAt").asText()),
                    event.path("processedAt").isTextual() ? Instant.parse(event.path("processedAt").asText()) : null));
            statuses.merge(event.path("status").asText(), 1, Integer::sum);
            types.merge(event.path("eventType").asText(), 1, Integer::sum);
        }
        return new Events(times, statuses, types);
    }

    private boolean hasAny(String integrationId, String status) {
        String path = eventsOf(integrationId) + "&status=" + status + "&limit=1";
        return !ApiClient.expect(webhooks.get(path), "GET " + path, 200).body().path("items").isEmpty();
    }

    private static String eventsOf(String integrationId) {
        return "/v1/webhooks/events?integration=" + integrationId;
    }

    /**
     * @param statuses how many events are in each status, e.g. {done=19980, received=20}
     * @param types    how many events of each type are stored, e.g. {call_ended=6660, call_started=6660}
     */
    public record Events(List<ProcessingLatency.Event> times, Map<String, Integer> statuses, Map<String, Integer> types) {
    }
}
