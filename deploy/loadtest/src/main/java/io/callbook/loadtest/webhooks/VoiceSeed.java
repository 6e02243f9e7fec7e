package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.booking.BookingSeed;
import io.callbook.loadtest.harness.JsonFiles;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the voice-function runs call: the booking bench's seeded catalog, and the number that reaches each of its
 * branches, so that webhook-service can tell from a call's {@code to_number} which branch the caller wants.
 *
 * @param numbers branch id → E.164 number of that branch
 */
public record VoiceSeed(BookingSeed catalog, Map<String, String> numbers) {

    public VoiceSeed {
        numbers = Map.copyOf(numbers);
        for (BookingSeed.Branch branch : catalog.branches()) {
            if (!numbers.containsKey(branch.id())) {
                throw new IllegalArgumentException("No number for branch " + branch.id());
            }
        }
    }

    public static VoiceSeed read(Path file) {
        return JsonFiles.read(file, VoiceSeed.class);
    }

    public void write(Path file) {
        JsonFiles.write(file, this);
    }

    public String companyId() {
        return catalog.companyId();
    }

    public String numberOf(String branchId) {
        return numbers.get(branchId);
    }
}
