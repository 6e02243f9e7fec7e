package io.callbook.loadtest.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.Pause;
import io.callbook.loadtest.harness.ResolverClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a {@link BookingSeedPlan} through the public APIs, idempotently: the company and its branches in
 * resolver-service; services, staff and their weekly hours in booking-service, the staff of a branch with their hours
 * in one import request ({@code POST .../staff/batch}). What exists (found by name) is re-used, and when the seed file
 * still matches what the services hold, nothing is sent.
 */
public final class BookingSeeder {

    /** Branches reach booking-service as directory events through Kafka, a moment after resolver-service made them. */
    private static final Duration BRANCH_ARRIVAL = Duration.ofSeconds(30);
    /** booking-service's default import limit (callbook.booking.max-import-batch-size). */
    static final int BATCH_SIZE = 500;

    private final ResolverClient resolver;
    private final ApiClient booking;
    private final PrintStream out;

    /** Both clients carry a platform-admin token. */
    public BookingSeeder(ResolverClient resolver, ApiClient booking, PrintStream out) {
        this.resolver = resolver;
        this.booking = booking;
        this.out = out;
    }

    /** The seeded catalog: from the file when the services still hold it, else seeded now and written there. */
    public BookingSeed ensure(BookingSeedPlan plan, Path file) {
        Optional<BookingSeed> previous = BookingSeed.readIfPresent(file);
        if (previous.isPresent() && stillThere(previous.get(), plan)) {
            out.printf("Booking seed: re-using company %s from %s%n", previous.get().companyId(), file);
            return previous.get();
        }
        long begin = System.nanoTime();
        BookingSeed seeded = seed(plan);
        seeded.write(file);
        out.printf("Booking seed: %d branches × %d staff, %d services ready in %.1f s (%s)%n", plan.branches(),
                plan.staffPerBranch(), plan.services(), (System.nanoTime() - begin) / 1e9, file);
        return seeded;
    }

    boolean stillThere(BookingSeed seed, BookingSeedPlan plan) {
        if (!booking.baseUrl().equals(seed.bookingUrl()) || !resolver.baseUrl().equals(seed.resolverUrl())
                || !plan.equals(seed.plan())) {
            return false;
        }
        String company = "/v1/companies/" + seed.companyId();
        try {
            List<String> staff = seed.allStaffIds();
            return resolver.get(company).status() == 200
                    && ids(booking.listAll(company + "/services")).containsAll(seed.serviceIds())
                    && ids(booking.listAll(company + "/staff")).containsAll(staff)
                    && hasHours(company, staff.get(0)) && hasHours(company, staff.get(staff.size() - 1));
        } catch (IllegalStateException e) {
            return false; // e.g. a fresh database: the company is unknown
        }
    }

    private boolean hasHours(String company, String staffId) {
        ApiClient.Answer hours = booking.get(company + "/staff/" + staffId + "/hours");
        return hours.status() == 200 && !hours.body().isEmpty();
    }

    private BookingSeed seed(BookingSeedPlan plan) {
        out.printf("Booking seed: loading %d branches, %d services, %d staff per branch through %s and %s ...%n",
                plan.branches(), plan.services(), plan.staffPerBranch(), resolver.baseUrl(), booking.baseUrl());
        String companyId = resolver.idsByName("/v1/companies").get(BookingSeedPlan.COMPANY_NAME);
        if (companyId == null) {
            companyId = resolver.create("/v1/companies", Map.of("name", BookingSeedPlan.COMPANY_NAME, "defaultRegion", "DE"));
        }
        String company = "/v1/companies/" + companyId;

        Map<String, String> existingBranches = resolver.idsByName(company + "/branches");
        List<String> branchIds = new ArrayList<>();
        for (int branch = 0; branch < plan.branches(); branch++) {
            String name = plan.branchName(branch);
            String id = existingBranches.get(name);
            branchIds.add(id != null ? id : resolver.create(company + "/branches", Map.of("name", name,
                    "timeZone", BookingGrid.ZONE.getId(), "locale", "de-DE", "phoneRegion", "DE")));
        }

        Map<String, String> existingServices = booking.idsByName(company + "/services");
        List<String> serviceIds = new ArrayList<>();
        for (int service = 0; service < plan.services(); service++) {
            String name = plan.serviceName(service);
            String id = existingServices.get(name);
            serviceIds.add(id != null ? id : booking.create(company + "/services", serviceBody(name)));
        }

        List<BookingSeed.Branch> branches = new ArrayList<>();
        for (int branch = 0; branch < plan.branches(); branch++) {
            branches.add(new BookingSeed.Branch(branchIds.get(branch), staff(plan, company, branch, branchIds.get(branch), serviceIds)));
        }
        return new BookingSeed(booking.baseUrl(), resolver.baseUrl(), plan, companyId, serviceIds, branches,
                Instant.now().toString());
    }

    /** The branch's staff, each performing every service and working the grid's week; the missing ones in batches. */
    private List<String> staff(BookingSeedPlan plan, String company, int branch, String branchId, List<String> serviceIds) {
        Map<String, JsonNode> existing = new HashMap<>();
        booking.listAll(company + "/staff?branchId=" + branchId).forEach(s -> existing.putIfAbsent(s.path("name").asText(), s));
        List<String> staffIds = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int member = 0; member < plan.staffPerBranch(); member++) {
            String name = plan.staffName(branch, member);
            JsonNode found = existing.get(name);
            if (found == null) {
                staffIds.add(null);
                missing.add(member);
                items.add(Map.of("branchId", branchId, "name", name, "serviceIds", serviceIds,
                        "hours", BookingGrid.weeklyHours()));
                continue;
            }
            String id = found.path("id").asText();
            if (!ids(found.path("serviceIds")).equals(new HashSet<>(serviceIds))) {
                ApiClient.expect(booking.put(company + "/staff/" + id, Map.of("serviceIds", serviceIds)),
                        "PUT staff " + id, 200);
            }
            ApiClient.expect(booking.put(company + "/staff/" + id + "/hours", BookingGrid.weeklyHours()),
                    "PUT hours of staff " + id, 200);
            staffIds.add(id);
        }
        for (int from = 0; from < items.size(); from += BATCH_SIZE) {
            int to = Math.min(items.size(), from + BATCH_SIZE);
            List<String> created = createOnceBranchArrived(company + "/staff/batch", branchId, items.subList(from, to));
            for (int i = from; i < to; i++) {
                staffIds.set(missing.get(i), created.get(i - from));
            }
        }
        return staffIds;
    }

    /** A 422 whose items all answer 404 means the branch has not reached booking-service yet: try again until it has. */
    private List<String> createOnceBranchArrived(String path, String branchId, List<Map<String, Object>> items) {
        long deadline = System.nanoTime() + BRANCH_ARRIVAL.toNanos();
        while (true) {
            // A batch route allows 60 calls a minute; a branch slow to arrive (a busy machine) can use them up.
            ApiClient.Answer answer = ApiClient.pastRateLimit(() -> booking.post(path, Map.of("items", items)));
            if (!branchUnknown(answer) || System.nanoTime() > deadline) {
                List<String> ids = new ArrayList<>();
                ApiClient.expect(answer, "POST " + path + " (branch " + branchId + ")", 201).body().path("items")
                        .forEach(item -> ids.add(item.path("id").asText()));
                return ids;
            }
            Pause.sleep(Duration.ofMillis(250), "waiting for branch " + branchId);
        }
    }

    private static boolean branchUnknown(ApiClient.Answer answer) {
        JsonNode errors = answer.body().path("errors");
        if (answer.status() != 422 || errors.isEmpty()) {
            return false;
        }
        for (JsonNode error : errors) {
            if (error.path("status").asInt() != 404) {
                return false;
            }
        }
        return true;
    }

    /** A bookable service of the grid's slot length, bookable up to two years ahead. */
    public static Map<String, Object> serviceBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("durationMinutes", BookingGrid.SLOT_MINUTES);
        body.put("slotIntervalMinutes", BookingGrid.SLOT_MINUTES);
        body.put("bufferAfterMinutes", 0);
        body.put("minNoticeMinutes", 0);
        body.put("bookingWindowDays", 730); // the most the API allows: the bench books up to two years ahead
        return body;
    }

    private static Set<String> ids(Iterable<JsonNode> items) {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.isTextual() ? item.asText() : item.path("id").asText()));
        return ids;
    }
}
