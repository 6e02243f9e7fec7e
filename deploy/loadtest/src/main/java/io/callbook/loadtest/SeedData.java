package io.callbook.loadtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a seeding run left in the directory, kept in a file so that the next bench can re-use it, and read by the
 * simulations as their list of known numbers.
 *
 * @param seededAt ISO-8601 instant
 */
public record SeedData(String baseUrl, SeedPlan plan, String seededAt, List<SeededNumber> numbers) {

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
