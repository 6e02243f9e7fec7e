package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.EndlessFeeder;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * An endless stream of booking requests for Gatling's {@code feed}, each the body of {@code POST /v1/appointments}
 * for a slot of the run's block: spread, every request its own slot; contention, each second a new set of slots and
 * every request one of the current set, so that callers race for them.
 */
public final class SlotFeeder extends EndlessFeeder {

    public static final String BODY = "body";

    private final BookingGrid grid;
    private final BookingLoadSettings settings;
    private final LongSupplier slots;

    private SlotFeeder(BookingGrid grid, BookingLoadSettings settings, LongSupplier slots) {
        this.grid = grid;
        this.settings = settings;
        this.slots = slots;
    }

    public static SlotFeeder of(BookingGrid grid, BookingLoadSettings settings) {
        return switch (settings.scenario()) {
            case BOOK, BOOK_ANYONE -> {
                AtomicLong next = new AtomicLong();
                // past the block (more arrivals than planned) it repeats itself: 409s then show the shortfall
                yield new SlotFeeder(grid, settings, () -> settings.first() + Math.floorMod(next.getAndIncrement(), settings.count()));
            }
            case CONTENTION -> new SlotFeeder(grid, settings, contended(settings));
            default -> throw new IllegalArgumentException(settings.scenario() + " is not a booking scenario");
        };
    }

    /** Seconds are counted from the first request; the last set of the block stays in play if the run goes on longer. */
    private static LongSupplier contended(BookingLoadSettings settings) {
        AtomicLong startNanos = new AtomicLong();
        long sets = Math.max(1, settings.count() / settings.slotsPerSecond());
        return () -> {
            long now = System.nanoTime();
            startNanos.compareAndSet(0, now);
            long second = Math.min((now - startNanos.get()) / 1_000_000_000L, sets - 1);
            return settings.first() + second * settings.slotsPerSecond()
                    + ThreadLocalRandom.current().nextInt(settings.slotsPerSecond());
        };
    }

    @Override
    public Map<String, Object> next() {
        BookingGrid.Slot slot = grid.slot(slots.getAsLong(), settings.day0());
        return Map.of(BODY, BookingRequestBody.json(slot, BookingRequestBody.randomMobile(),
                settings.scenario() != BookingScenario.BOOK_ANYONE));
    }
}
