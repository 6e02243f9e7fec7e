package io.callbook.loadtest.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.loadtest.booking.BookingSeed;
import io.callbook.loadtest.booking.BookingSeedPlan;
import io.callbook.loadtest.booking.BookingSeeder;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.ResolverClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds what a voice function needs behind webhook-service, through the public APIs: the booking bench's catalog
 * (company, branches, services, staff with weekly hours; {@link BookingSeeder}, re-used while it is there) and a phone
 * number per branch in resolver-service, found again by branch on a re-run, the missing ones assigned in one batch.
 */
public final class VoiceSeeder {

    /**
     * Berlin subscriber numbers 4 900 000 and up: clear of the resolve bench's block (5 000 000+) and of the demo
     * tenant's numbers.
     */
    private static final int FIRST_SUBSCRIBER = 4_900_000;

    private final BookingSeeder catalog;
    private final ResolverClient resolver;
    private final PrintStream out;

    /** @param resolver carries a platform-admin token */
    public VoiceSeeder(BookingSeeder catalog, ResolverClient resolver, PrintStream out) {
        this.catalog = catalog;
        this.resolver = resolver;
        this.out = out;
    }

    /** @param catalogFile where {@link BookingSeeder} keeps the catalog (shared with the booking bench) */
    public VoiceSeed ensure(BookingSeedPlan plan, Path catalogFile) {
        BookingSeed seeded = catalog.ensure(plan, catalogFile);
        String path = "/v1/companies/" + seeded.companyId() + "/phone-numbers";
        Map<String, String> existing = new HashMap<>();
        resolver.listAll(path).stream()
                .filter(number -> number.path("active").asBoolean(true))
                .forEach(number -> existing.putIfAbsent(number.path("branchId").asText(), number.path("e164").asText()));
        Map<String, String> numbers = new LinkedHashMap<>();
        List<Map<String, Object>> missing = new ArrayList<>();
        List<BookingSeed.Branch> branches = seeded.branches();
        for (int branch = 0; branch < branches.size(); branch++) {
            String branchId = branches.get(branch).id();
            numbers.put(branchId, existing.get(branchId));
            if (existing.get(branchId) == null) {
                missing.add(Map.of("number", "+4930" + (FIRST_SUBSCRIBER + branch), "branchId", branchId,
                        "label", "Loadtest voice"));
            }
        }
        if (!missing.isEmpty()) {
            JsonNode created = ApiClient.expect(resolver.post(path + "/batch", Map.of("items", missing)),
                    "POST " + path + "/batch", 201).body();
            created.path("items").forEach(number -> numbers.put(number.path("branchId").asText(), number.path("e164").asText()));
        }
        out.printf("Voice seed: %d branch numbers of company %s%n", numbers.size(), seeded.companyId());
        return new VoiceSeed(seeded, numbers);
    }
}
