package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.EndlessFeeder;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An endless stream of availability queries for Gatling's {@code feed}: for an uncached run the run's fresh
 * combinations one after the other, for a cached run a random member of the hot set.
 */
public final class AvailabilityFeeder extends EndlessFeeder {

    public static final String PATH = "availabilityPath";

    private final Supplier<BookingGrid.AvailabilityQuery> queries;

    private AvailabilityFeeder(Supplier<BookingGrid.AvailabilityQuery> queries) {
        this.queries = queries;
    }

    public static AvailabilityFeeder of(BookingGrid grid, BookingLoadSettings settings) {
        return switch (settings.scenario()) {
            case UNCACHED -> {
                AtomicLong next = new AtomicLong();
                // past the block (more arrivals than planned) it repeats itself rather than take another run's numbers
                yield new AvailabilityFeeder(() -> grid.fresh(
                        settings.first() + Math.floorMod(next.getAndIncrement(), settings.count()), settings.day0()));
            }
            case CACHED -> new AvailabilityFeeder(() -> grid.hot(
                    ThreadLocalRandom.current().nextInt((int) settings.count()), settings.day0()));
            default -> throw new IllegalArgumentException(settings.scenario() + " is not an availability scenario");
        };
    }

    @Override
    public Map<String, Object> next() {
        return Map.of(PATH, queries.get().path());
    }
}
