package io.callbook.loadtest.resolve;

import io.callbook.loadtest.harness.ResolverClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a {@link SeedPlan}'s companies, branches and numbers through the public API, idempotently: what a previous run
 * created (found by name, or a number the company has) is re-used, and when the seed file still resolves nothing is
 * sent. Numbers go in batches ({@code POST .../phone-numbers/batch}), one request per company, so thousands load in
 * seconds without meeting the rate limit.
 */
public final class Seeder {

    private static final int SAMPLE_SIZE = 40;
    /** resolver-service's default import limit (callbook.resolver.max-import-batch-size). */
    static final int BATCH_SIZE = 1000;

    private final ResolverClient admin;
    private final PrintStream out;

    /** @param admin a client with a platform-admin token */
    public Seeder(ResolverClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    /** The seeded data: from the file when its numbers still resolve to their companies, else seeded now and written there. */
    public SeedData ensure(SeedPlan plan, Path file) {
        Optional<SeedData> previous = SeedData.readIfPresent(file);
        if (previous.isPresent() && stillResolves(previous.get(), plan)) {
            out.printf("Seed data: re-using %d numbers from %s%n", previous.get().numbers().size(), file);
            return previous.get();
        }
        long begin = System.nanoTime();
        SeedData seeded = seed(plan);
        seeded.write(file);
        out.printf("Seed data: %d numbers of %d companies ready in %.1f s (%s)%n", seeded.numbers().size(), plan.companies(),
                (System.nanoTime() - begin) / 1e9, file);
        return seeded;
    }

    /** Resolves a sample spread over the whole list (first and last included): all must answer their company. */
    boolean stillResolves(SeedData data, SeedPlan plan) {
        if (!admin.baseUrl().equals(data.baseUrl()) || !plan.equals(data.plan()) || data.numbers().isEmpty()) {
            return false;
        }
        List<SeededNumber> numbers = data.numbers();
        int step = Math.max(1, numbers.size() / SAMPLE_SIZE);
        for (int i = 0; i < numbers.size(); i += step) {
            if (!resolvesToItsCompany(numbers.get(i))) {
                return false;
            }
        }
        return resolvesToItsCompany(numbers.get(numbers.size() - 1));
    }

    private boolean resolvesToItsCompany(SeededNumber number) {
        ResolverClient.Answer answer = admin.resolve(number.e164(), null);
        return answer.status() == 200 && number.companyId().equals(answer.body().path("companyId").asText());
    }

    private SeedData seed(SeedPlan plan) {
        out.printf("Seed data: loading %d companies × %d branches × %d numbers through %s ...%n",
                plan.companies(), plan.branchesPerCompany(), plan.numbersPerBranch(), admin.baseUrl());
        Map<String, String> companyIds = admin.idsByName("/v1/companies");
        List<SeededNumber> numbers = new ArrayList<>();
        int foreign = 0;
        for (int company = 0; company < plan.companies(); company++) {
            String companyId = companyIds.get(plan.companyName(company));
            if (companyId == null) {
                companyId = admin.create("/v1/companies", Map.of("name", plan.companyName(company), "defaultRegion", "DE"));
            }
            String path = "/v1/companies/" + companyId;
            Map<String, String> branchIds = admin.idsByName(path + "/branches");
            Set<String> assigned = new HashSet<>();
            admin.listAll(path + "/phone-numbers").forEach(number -> assigned.add(number.path("e164").asText()));
            List<NumberToAssign> toAssign = new ArrayList<>();
            for (int branch = 0; branch < plan.branchesPerCompany(); branch++) {
                String branchId = branchIds.get(plan.branchName(branch));
                if (branchId == null) {
                    branchId = admin.create(path + "/branches", Map.of("name", plan.branchName(branch),
                            "timeZone", "Europe/Berlin", "locale", "de-DE", "phoneRegion", "DE"));
                }
                for (int number = 0; number < plan.numbersPerBranch(); number++) {
                    SeededNumber seeded = new SeededNumber(plan.e164(company, branch, number),
                            plan.national(company, branch, number), companyId);
                    if (assigned.contains(seeded.e164())) {
                        numbers.add(seeded);
                    } else {
                        toAssign.add(new NumberToAssign(branchId, seeded));
                    }
                }
            }
            for (int from = 0; from < toAssign.size(); from += BATCH_SIZE) {
                List<NumberToAssign> batch = toAssign.subList(from, Math.min(toAssign.size(), from + BATCH_SIZE));
                int before = numbers.size();
                numbers.addAll(assignAll(path + "/phone-numbers/batch", batch));
                foreign += batch.size() - (numbers.size() - before);
            }
        }
        if (foreign > 0) {
            out.printf("  %d numbers belong to other tenants and are left out%n", foreign);
        }
        if (numbers.isEmpty()) {
            throw new IllegalStateException("No number could be seeded; see the messages above");
        }
        return new SeedData(admin.baseUrl(), plan, Instant.now().toString(), numbers);
    }

    /**
     * Assigns a batch (all or nothing). Numbers that are assigned already (409 names them all) are left out and the
     * rest sent again: a number that resolves to our company is ours from an earlier run, any other belongs to
     * another tenant and is left out of the seed, as the bench must know whom each number resolves to.
     */
    private List<SeededNumber> assignAll(String path, List<NumberToAssign> batch) {
        List<NumberToAssign> pending = new ArrayList<>(batch);
        List<SeededNumber> ours = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Map<String, Object>> items = pending.stream().map(NumberToAssign::body).toList();
            ResolverClient.Answer answer = ResolverClient.pastRateLimit(() -> admin.post(path, Map.of("items", items)));
            switch (answer.status()) {
                case 201 -> {
                    pending.forEach(item -> ours.add(item.number()));
                    return ours;
                }
                case 409 -> {
                    Set<Integer> taken = new HashSet<>();
                    answer.body().path("errors").forEach(error -> taken.add(error.path("index").asInt()));
                    if (taken.isEmpty()) {
                        throw new IllegalStateException("POST " + path + " answered 409 without naming items: " + answer.body());
                    }
                    List<NumberToAssign> rest = new ArrayList<>();
                    for (int i = 0; i < pending.size(); i++) {
                        SeededNumber number = pending.get(i).number();
                        if (!taken.contains(i)) {
                            rest.add(pending.get(i));
                        } else if (resolvesToItsCompany(number)) {
                            ours.add(number);
                        }
                    }
                    pending = rest;
                }
                default -> throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": "
                        + answer.body());
            }
        }
        return ours;
    }

    private record NumberToAssign(String branchId, SeededNumber number) {
        Map<String, Object> body() {
            return Map.of("number", number.e164(), "branchId", branchId, "label", "loadtest");
        }
    }
}
