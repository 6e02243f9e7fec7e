package io.callbook.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Optional<SeedData> readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(file));
        } catch (UncheckedIOException e) {
            return Optional.empty(); // unreadable or from an older layout: seed again
        }
    }

    public static SeedData read(Path file) {
        try {
            return JSON.readValue(file.toFile(), SeedData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed data " + file, e);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), this);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write seed data " + file, e);
        }
    }
}
