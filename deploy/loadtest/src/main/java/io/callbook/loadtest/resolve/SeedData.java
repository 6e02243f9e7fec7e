package io.callbook.loadtest.resolve;

import io.callbook.loadtest.harness.JsonFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a seeding run left in the directory, kept in a file so that the next bench can re-use it, and read by the
 * simulations as their list of known numbers.
 *
 * @param seededAt ISO-8601 instant
 */
public record SeedData(String baseUrl, SeedPlan plan, String seededAt, List<SeededNumber> numbers) {

    /** Where the resolve bench keeps what it seeded, relative to the repository; the peers bench looks it up too. */
    public static final String BENCH_FILE = "deploy/loadtest/target/bench/seed.json";

    /**
     * The plan's numbers as the seeder would assign them, with a made-up company id each: for peers that answer from
     * their own store when no resolver was seeded.
     */
    public static SeedData planned(SeedPlan plan) {
        List<SeededNumber> numbers = new ArrayList<>();
        for (int company = 0; company < plan.companies(); company++) {
            String companyId = UUID.nameUUIDFromBytes(plan.companyName(company).getBytes(StandardCharsets.UTF_8)).toString();
            for (int branch = 0; branch < plan.branchesPerCompany(); branch++) {
                for (int number = 0; number < plan.numbersPerBranch(); number++) {
                    numbers.add(new SeededNumber(plan.e164(company, branch, number), plan.national(company, branch, number),
                            companyId));
                }
            }
        }
        return new SeedData("none", plan, Instant.now().toString(), numbers);
    }

    /** Empty when missing, unreadable or from an older layout: seed again. */
    public static Optional<SeedData> readIfPresent(Path file) {
        return JsonFiles.readIfPresent(file, SeedData.class);
    }

    public static SeedData read(Path file) {
        return JsonFiles.read(file, SeedData.class);
    }

    public void write(Path file) {
        JsonFiles.write(file, this);
    }
}
