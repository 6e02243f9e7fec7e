package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.SettingsProperties;
import io.callbook.loadtest.harness.SimulationSettings;
import io.callbook.loadtest.harness.SuiteService;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
    private static final SettingsProperties PROPERTIES = new SettingsProperties(PREFIX);

    public BookingLoadSettings {
        if (rate < 1 || count < 1 || slotsPerSecond < 1) {
            throw new IllegalArgumentException("rate, count and slots per second must be positive");
        }
        SimulationSettings.requirePositive(duration);
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
        return new SettingsProperties(PREFIX)
                .put("url", baseUrl)
                .put("token", token)
                .put("seed", seedFile)
                .put("scenario", scenario.option())
                .put("rate", rate)
                .put("duration", duration)
                .put("day0", day0)
                .put("first", first)
                .put("count", count)
                .put("slots-per-second", slotsPerSecond)
                .toMap();
    }

    /** Defaults suit a run by hand; a second booking run by hand needs another {@code first}, else its slots are taken. */
    public static BookingLoadSettings fromSystemProperties() {
        String token = PROPERTIES.token();
        BookingScenario scenario = BookingScenario.of(PROPERTIES.get("scenario", "uncached"));
        LocalDate tomorrow = LocalDate.now(BookingGrid.ZONE).plusDays(1);
        LocalDate day0 = scenario.isAvailability() ? tomorrow : tomorrow.plusDays(BookingLedger.FIRST_BOOKING_DAY - 1);
        return new BookingLoadSettings(
                PROPERTIES.get("url", SuiteService.BOOKING.localUrl()),
                token,
                Path.of(PROPERTIES.get("seed", "target/bench/booking-seed.json")),
                scenario,
                Integer.parseInt(PROPERTIES.get("rate", "50")),
                PROPERTIES.duration("duration", "30s"),
                LocalDate.parse(PROPERTIES.get("day0", day0.toString())),
                Long.parseLong(PROPERTIES.get("first", "0")),
                Long.parseLong(PROPERTIES.get("count", scenario == BookingScenario.CACHED ? "20" : "100000")),
                Integer.parseInt(PROPERTIES.get("slots-per-second", "3")));
    }
}
