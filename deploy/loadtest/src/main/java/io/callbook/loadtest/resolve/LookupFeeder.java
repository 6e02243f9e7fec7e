package io.callbook.loadtest.resolve;

import io.callbook.loadtest.harness.EndlessFeeder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An endless stream of lookups for Gatling's {@code feed}: each record holds the query ({@value #QUERY}) and the status
 * the resolver must answer ({@value #EXPECTED_STATUS}).
 */
public final class LookupFeeder extends EndlessFeeder {

    public static final String QUERY = "query";
    public static final String EXPECTED_STATUS = "expectedStatus";

    /** What callers' equipment sends when the number is withheld, and what people mistype. */
    static final List<String> INVALID_NUMBERS = List.of("anonymous", "Anonymous", "unknown", "restricted", "12", "0000",
            "+49 30 12", "+49-30-abc", "call me");

    // Hamburg numbers 040 99000000–99099999: valid, and never assigned by the load test.
    private static final long FIRST_UNKNOWN = 49_40_99_000_000L;
    private static final int UNKNOWN_RANGE = 100_000;
    // The same hot numbers in every run, so warm runs of different rates compare.
    private static final long HOT_SET_SEED = 20_26_11_23L;

    private final List<SeededNumber> numbers;
    private final int hotCount;
    private final LookupMix mix;

    public LookupFeeder(List<SeededNumber> seeded, LookupMix mix) {
        if (seeded.isEmpty()) {
            throw new IllegalArgumentException("No seeded numbers to look up");
        }
        List<SeededNumber> shuffled = new ArrayList<>(seeded);
        Collections.shuffle(shuffled, new Random(HOT_SET_SEED));
        this.numbers = List.copyOf(shuffled);
        this.hotCount = Math.max(1, (int) Math.round(numbers.size() * mix.hotNumberShare()));
        this.mix = mix;
    }

    /** The numbers that take the hot share of the traffic. */
    public List<SeededNumber> hotNumbers() {
        return numbers.subList(0, hotCount);
    }

    @Override
    public Map<String, Object> next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double kind = random.nextDouble();
        if (kind < mix.invalidShare()) {
            return lookup(Map.of("number", INVALID_NUMBERS.get(random.nextInt(INVALID_NUMBERS.size()))), 422);
        }
        if (kind < mix.invalidShare() + mix.unknownShare()) {
            return lookup(Map.of("number", "+" + (FIRST_UNKNOWN + random.nextInt(UNKNOWN_RANGE))), 404);
        }
        SeededNumber number = numbers.get(pickIndex(random));
        if (random.nextDouble() < mix.nationalShare()) {
            return lookup(Map.of("number", number.national(), "region", "DE"), 200);
        }
        return lookup(Map.of("number", number.e164()), 200);
    }

    private int pickIndex(ThreadLocalRandom random) {
        boolean hot = hotCount == numbers.size() || random.nextDouble() < mix.hotTrafficShare();
        return hot ? random.nextInt(hotCount) : hotCount + random.nextInt(numbers.size() - hotCount);
    }

    private static Map<String, Object> lookup(Map<String, Object> query, int expectedStatus) {
        return Map.of(QUERY, query, EXPECTED_STATUS, expectedStatus);
    }
}
