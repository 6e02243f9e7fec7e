package io.callbook.loadtest;


import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Loads a {@link SeedPlan}'s companies, branches and numbers through the public API, idempotently: what a previous run
 * created (found by name, or a number answering 409) is re-used, and when the seed file still resolves nothing is sent.
 */
public final class Seeder {

    private static final int SAMPLE_SIZE = 40;
    private static final int ASSIGNING_THREADS = 8;

    private final ResolverClient admin;
    private final Supplier<List<ResolverClient>> assigners;
    private final PrintStream out;

    /**
     * @param admin     a client with a platform-admin token
     * @param assigners platform-admin clients that assign numbers in parallel, one thread each; asked for only when
     *                  there is something to seed. The rate limiter counts per token (600 assignments a minute), so
     *                  thousands of numbers load in seconds only with a token per thread; with a single token the
     *                  seeder waits out every 429.
     */
    public Seeder(ResolverClient admin, Supplier<List<ResolverClient>> assigners, PrintStream out) {
        this.admin = admin;
        this.assigners = assigners;
        this.out = out;
    }

    /**
     * Clients that assign numbers in parallel, each with a token of its own made from the local suite's bootstrap key;
     * without a key, the admin alone.
     */
    public static Supplier<List<ResolverClient>> assigners(ResolverClient anonymous, ResolverClient admin,
                                                           Optional<String> bootstrapKey) {
        return () -> bootstrapKey
                .map(key -> IntStream.range(0, ASSIGNING_THREADS).mapToObj(i -> anonymous.withToken(anonymous.exchange(key))).toList())
                .orElse(List.of(admin));
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
        List<NumberToAssign> toAssign = new ArrayList<>();
        for (int company = 0; company < plan.companies(); company++) {
            String companyId = companyIds.get(plan.companyName(company));
            if (companyId == null) {
                companyId = admin.create("/v1/companies", Map.of("name", plan.companyName(company), "defaultRegion", "DE"));
            }
            Map<String, String> branchIds = admin.idsByName("/v1/companies/" + companyId + "/branches");
            for (int branch = 0; branch < plan.branchesPerCompany(); branch++) {
                String branchId = branchIds.get(plan.branchName(branch));
                if (branchId == null) {
                    branchId = admin.create("/v1/companies/" + companyId + "/branches", Map.of("name", plan.branchName(branch),
                            "timeZone", "Europe/Berlin", "locale", "de-DE", "phoneRegion", "DE"));
                }
                for (int number = 0; number < plan.numbersPerBranch(); number++) {
                    toAssign.add(new NumberToAssign(companyId, branchId, new SeededNumber(plan.e164(company, branch, number),
                            plan.national(company, branch, number), companyId)));
                }
            }
        }
        List<SeededNumber> numbers = assignAll(toAssign);
        if (numbers.isEmpty()) {
            throw new IllegalStateException("No number could be seeded; see the messages above");
        }
        return new SeedData(admin.baseUrl(), plan, Instant.now().toString(), numbers);
    }

    /** Assigns in parallel; a number another tenant already holds is left out (the bench must know whom it resolves to). */
    private List<SeededNumber> assignAll(List<NumberToAssign> toAssign) {
        List<ResolverClient> assigners = this.assigners.get();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger foreign = new AtomicInteger();
        List<Future<List<SeededNumber>>> chunks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(assigners.size())) {
            for (int worker = 0; worker < assigners.size(); worker++) {
                ResolverClient client = assigners.get(worker);
                List<NumberToAssign> chunk = everyNth(toAssign, worker, assigners.size());
                chunks.add(pool.submit(() -> {
                    List<SeededNumber> assigned = new ArrayList<>();
                    for (NumberToAssign item : chunk) {
                        assign(client, item).ifPresentOrElse(assigned::add, foreign::incrementAndGet);
                        if (done.incrementAndGet() % 1000 == 0) {
                            out.printf("  %d / %d numbers%n", done.get(), toAssign.size());
                        }
                    }
                    return assigned;
                }));
            }
            List<SeededNumber> numbers = new ArrayList<>();
            for (Future<List<SeededNumber>> chunk : chunks) {
                numbers.addAll(chunk.get());
            }
            if (foreign.get() > 0) {
                out.printf("  %d numbers belong to other tenants and are left out%n", foreign.get());
            }
            return numbers;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Seeding failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
    }

    private Optional<SeededNumber> assign(ResolverClient client, NumberToAssign item) throws InterruptedException {
        while (true) {
            ResolverClient.Answer answer = client.post("/v1/companies/" + item.companyId() + "/phone-numbers",
                    Map.of("number", item.number().e164(), "branchId", item.branchId(), "label", "loadtest"));
            switch (answer.status()) {
                case 201 -> {
                    return Optional.of(item.number());
                }
                case 409 -> { // assigned before: ours if it resolves to our company
                    return resolvesToItsCompany(item.number()) ? Optional.of(item.number()) : Optional.empty();
                }
                case 429 -> {
                    out.printf("  rate-limited; waiting %d s%n", answer.retryAfterSeconds());
                    Thread.sleep(Math.max(1, answer.retryAfterSeconds()) * 1000);
                }
                default -> throw new IllegalStateException("Assigning " + item.number().e164() + " answered "
                        + answer.status() + ": " + answer.body());
            }
        }
    }

    private static <T> List<T> everyNth(List<T> items, int offset, int step) {
        List<T> picked = new ArrayList<>();
        for (int i = offset; i < items.size(); i += step) {
            picked.add(items.get(i));
        }
        return picked;
    }

    private record NumberToAssign(String companyId, String branchId, SeededNumber number) {
    }
}
