package io.callbook.loadtest.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.ResolverClient;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The webhook bench's data, through the public APIs: one company in resolver-service (found by name, so re-runs
 * re-use it), and for every run a fresh voice and calendar integration in webhook-service, whose secrets are shown
 * only in the answer that made them.
 */
public final class WebhookSeeder {

    public static final String COMPANY_NAME = "Loadtest Webhooks";
    /**
     * Where the calendar integration says its bookings go: no branch booking-service knows, so each calendar event
     * is refused there once and ends dead. The bench measures the inbox (acknowledge, and received → processed of
     * call events); booking through calendar events is measured by the booking bench's own writes.
     */
    static final Map<String, Object> UNBOOKABLE_CALENDAR_BINDING = Map.of(
            "branchId", "00000000-0000-7000-8000-00000000ca1e", "serviceId", "00000000-0000-7000-8000-00000000ca1f");

    private final ResolverClient resolver;
    private final ApiClient webhooks;
    private final PrintStream out;

    /** Both clients carry a platform-admin token. */
    public WebhookSeeder(ResolverClient resolver, ApiClient webhooks, PrintStream out) {
        this.resolver = resolver;
        this.webhooks = webhooks;
        this.out = out;
    }

    public String ensureCompany() {
        String companyId = resolver.idsByName("/v1/companies").get(COMPANY_NAME);
        if (companyId == null) {
            companyId = resolver.create("/v1/companies", Map.of("name", COMPANY_NAME, "defaultRegion", "DE"));
            out.printf("Webhook seed: company %s created%n", companyId);
        } else {
            out.printf("Webhook seed: re-using company %s%n", companyId);
        }
        return companyId;
    }

    /** @param runName names the integrations, so that an operator can tell the bench's runs apart */
    public WebhookIntegrations integrations(String companyId, String runName) {
        JsonNode voice = create(companyId, Map.of("provider", "voice", "name", "Loadtest voice " + runName));
        Map<String, Object> calendarRequest = new HashMap<>(UNBOOKABLE_CALENDAR_BINDING);
        calendarRequest.put("provider", "calendar");
        calendarRequest.put("name", "Loadtest calendar " + runName);
        JsonNode calendar = create(companyId, calendarRequest);
        return new WebhookIntegrations(voice.path("id").asText(), voice.path("secret").asText(),
                calendar.path("id").asText(), calendar.path("secret").asText());
    }

    private JsonNode create(String companyId, Map<String, Object> request) {
        String path = "/v1/companies/" + companyId + "/integrations";
        return ApiClient.expect(webhooks.post(path, request), "POST " + path, 201).body();
    }
}
