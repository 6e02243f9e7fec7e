package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.SimulationSettings;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of {@link BookingSimulation} needs, as system properties {@value #PREFIX}*.
 *
 * @param day0           availability: the first day of week 0; booking: the day slot 0 falls on (see {@link BookingGrid})
 * @param first          uncached availability: the first fresh combination; booking: the first slot
 * @param count          how many combinations or slots the run may use; for cached availability the hot set's size
 * @param slotsPerSecond contention: how many slots are raced for in each second
 */
public record BookingLoadSettings(String baseUrl, String token, Path seedFile, BookingScenario scenario, int rate,
                                  Duration duration, LocalDate day0, long first, long count, int slotsPerSecond)
        implements SimulationSettings {

    static final String PREFIX = "loadtest.booking.";

    public BookingLoadSettings {
        if (rate < 1 || count < 1 || slotsPerSecond < 1) {
            throw new IllegalArgumentException("rate, count and slots per second must be positive");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("The duration must be positive");
        }
    }

    @Override
    public Class<? extends Simulation> simulation() {
        return BookingSimulation.class;
    }

    @Override
    public int askedRate() {
        return rate;
    }

    @Override
    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "url", baseUrl);
        properties.put(PREFIX + "token", token);
        properties.put(PREFIX + "seed", seedFile.toAbsolutePath().toString());
        properties.put(PREFIX + "scenario", scenario.option());
        properties.put(PREFIX + "rate", Integer.toString(rate));
        properties.put(PREFIX + "duration", DurationText.format(duration));
        properties.put(PREFIX + "day0", day0.toString());
        properties.put(PREFIX + "first", Long.toString(first));
        properties.put(PREFIX + "count", Long.toString(count));
        properties.put(PREFIX + "slots-per-second", Integer.toString(slotsPerSecond));
        return properties;
    }

    /** Defaults suit a run by hand; a second booking run by hand needs another {@code first}, else its slots are taken. */
    public static BookingLoadSettings fromSystemProperties() {
        String token = property("token", System.getenv("CALLBOOK_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("No token: set -D" + PREFIX + "token (or CALLBOOK_TOKEN)");
        }
        BookingScenario scenario = BookingScenario.of(property("scenario", "uncached"));
        LocalDate tomorrow = LocalDate.now(BookingGrid.ZONE).plusDays(1);
        LocalDate day0 = scenario.isAvailability() ? tomorrow : tomorrow.plusDays(BookingLedger.FIRST_BOOKING_DAY - 1);
        return new BookingLoadSettings(
                property("url", BookingOptions.DEFAULT_URL),
                token,
                Path.of(property("seed", "target/bench/booking-seed.json")),
                scenario,
                Integer.parseInt(property("rate", "50")),
                DurationText.parse(property("duration", "30s")),
                LocalDate.parse(property("day0", day0.toString())),
                Long.parseLong(property("first", "0")),
                Long.parseLong(property("count", scenario == BookingScenario.CACHED ? "20" : "100000")),
                Integer.parseInt(property("slots-per-second", "3")));
    }

    private static String property(String name, String fallback) {
        return System.getProperty(PREFIX + name, fallback);
    }
}
