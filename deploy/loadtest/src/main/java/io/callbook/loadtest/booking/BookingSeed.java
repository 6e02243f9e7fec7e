package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.JsonFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The catalog the booking bench seeded, kept in a file so that later runs re-use it, and read by
 * {@link BookingSimulation} to know whom and what to ask for.
 *
 * @param serviceIds in the plan's order
 * @param branches   in the plan's order, each with its staff in the plan's order
 * @param seededAt   ISO-8601 instant
 */
public record BookingSeed(String bookingUrl, String resolverUrl, BookingSeedPlan plan, String companyId,
                          List<String> serviceIds, List<Branch> branches, String seededAt) {

    public record Branch(String id, List<String> staffIds) {
    }

    public static Optional<BookingSeed> readIfPresent(Path file) {
        return JsonFiles.readIfPresent(file, BookingSeed.class);
    }

    public static BookingSeed read(Path file) {
        return JsonFiles.read(file, BookingSeed.class);
    }

    public void write(Path file) {
        JsonFiles.write(file, this);
    }

    public List<String> allStaffIds() {
        return branches.stream().flatMap(branch -> branch.staffIds().stream()).toList();
    }
}
