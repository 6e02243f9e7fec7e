package io.callbook.loadtest.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.loadtest.booking.BookingSeeder;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.Pause;
import io.callbook.loadtest.harness.ResolverClient;

import java.io.PrintStream;
import java.time.Duration;
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
     * Where the calendar integration says its bookings go: a branch and a service booking-service knows (it checks
     * them when the integration is made) but no staff member performs, so each calendar event is refused there once
     * and ends dead. The bench measures the inbox (acknowledge, and received → processed of call events); booking
     * through calendar events is measured by the booking bench's own writes.
     */
    static final String CALENDAR_BRANCH = "Loadtest Kalender";
    static final String UNPERFORMED_SERVICE = "Loadtest Kalender (ohne Personal)";
    /** booking-service learns of a new branch by a directory event; until then the binding check answers 422. */
    private static final Duration BRANCH_REPLICA_WAIT = Duration.ofSeconds(60);
    private static final Duration BRANCH_REPLICA_POLL = Duration.ofMillis(500);

    private final ResolverClient resolver;
    private final ApiClient booking;
    private final ApiClient webhooks;
    private final PrintStream out;

    /** Every client carries a platform-admin token. */
    public WebhookSeeder(ResolverClient resolver, ApiClient booking, ApiClient webhooks, PrintStream out) {
        this.resolver = resolver;
        this.booking = booking;
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
        Map<String, Object> calendarRequest = new HashMap<>(unbookableCalendarBinding(companyId));
        calendarRequest.put("provider", "calendar");
        calendarRequest.put("name", "Loadtest calendar " + runName);
        JsonNode calendar = createOnceTheBranchIsKnown(companyId, calendarRequest);
        return new WebhookIntegrations(voice.path("id").asText(), voice.path("secret").asText(),
                calendar.path("id").asText(), calendar.path("secret").asText());
    }

    private Map<String, Object> unbookableCalendarBinding(String companyId) {
        String company = "/v1/companies/" + companyId;
        String branchId = resolver.idsByName(company + "/branches").get(CALENDAR_BRANCH);
        if (branchId == null) {
            branchId = resolver.create(company + "/branches", Map.of("name", CALENDAR_BRANCH,
                    "timeZone", "Europe/Berlin", "locale", "de-DE", "phoneRegion", "DE"));
        }
        String serviceId = booking.idsByName(company + "/services").get(UNPERFORMED_SERVICE);
        if (serviceId == null) {
            serviceId = booking.create(company + "/services", BookingSeeder.serviceBody(UNPERFORMED_SERVICE));
        }
        return Map.of("branchId", branchId, "serviceId", serviceId);
    }

    private JsonNode createOnceTheBranchIsKnown(String companyId, Map<String, Object> request) {
        String path = "/v1/companies/" + companyId + "/integrations";
        long deadline = System.nanoTime() + BRANCH_REPLICA_WAIT.toNanos();
        ApiClient.Answer answer = webhooks.post(path, request);
        while (answer.status() != 201 && (answer.status() == 422 || answer.status() == 503)
                && System.nanoTime() < deadline) {
            Pause.sleep(BRANCH_REPLICA_POLL, "waiting for booking-service to know the branch");
            answer = webhooks.post(path, request);
        }
        return ApiClient.expect(answer, "POST " + path, 201).body();
    }

    private JsonNode create(String companyId, Map<String, Object> request) {
        String path = "/v1/companies/" + companyId + "/integrations";
        return ApiClient.expect(webhooks.post(path, request), "POST " + path, 201).body();
    }
}
