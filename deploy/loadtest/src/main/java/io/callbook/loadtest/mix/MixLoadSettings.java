package io.callbook.loadtest.mix;

import io.callbook.loadtest.booking.BookingOptions;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.SimulationSettings;
import io.callbook.loadtest.webhooks.VoiceCalls;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of {@link MixSimulation} needs, as system properties {@value #PREFIX}*.
 *
 * @param baseUrl     webhook-service, which the voice provider calls
 * @param bookingUrl  booking-service, for the admin reads of appointments and availability
 * @param runId       makes the run's call ids its own
 * @param integration the run's voice integration, whose secret signs every call request
 * @param tenantToken a tenant-admin token of the seeded company, for the admin reads
 * @param voice       the seeded branches and the run's block of free slots; its book share is the calls'
 */
public record MixLoadSettings(String baseUrl, String bookingUrl, String runId, int calls, Duration thinkTime,
                              double adminRate, Duration duration, String integration, String secret, String tenantToken,
                              VoiceCalls voice) implements SimulationSettings {

    static final String PREFIX = "loadtest.mix.";

    public MixLoadSettings {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("The duration must be positive");
        }
        new MixPace(calls, thinkTime, voice.bookShare(), adminRate); // checks the rest
    }

    MixPace pace() {
        return new MixPace(calls, thinkTime, voice.bookShare(), adminRate);
    }

    @Override
    public Class<? extends Simulation> simulation() {
        return MixSimulation.class;
    }

    @Override
    public int askedRate() {
        return 0;
    }

    @Override
    public int users() {
        return calls;
    }

    @Override
    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "url", baseUrl);
        properties.put(PREFIX + "booking-url", bookingUrl);
        properties.put(PREFIX + "run-id", runId);
        properties.put(PREFIX + "calls", Integer.toString(calls));
        properties.put(PREFIX + "think-time", DurationText.format(thinkTime));
        properties.put(PREFIX + "admin-rate", Double.toString(adminRate));
        properties.put(PREFIX + "duration", DurationText.format(duration));
        properties.put(PREFIX + "voice-integration", integration);
        properties.put(PREFIX + "voice-secret", secret);
        properties.put(PREFIX + "tenant-token", tenantToken);
        properties.putAll(voice.toProperties(PREFIX));
        return properties;
    }

    /**
     * By hand: the integration and its secret are what {@code POST /v1/companies/{c}/integrations} answered, the token
     * one of a tenant-admin key of the same company; a second run with bookings needs another {@code first-slot}.
     */
    public static MixLoadSettings fromSystemProperties() {
        return new MixLoadSettings(
                property("url", MixOptions.DEFAULT_URL),
                property("booking-url", BookingOptions.DEFAULT_URL),
                property("run-id", "byhand-" + System.currentTimeMillis()),
                Integer.parseInt(property("calls", Integer.toString(MixOptions.DEFAULT_CALLS))),
                DurationText.parse(property("think-time", DurationText.format(MixOptions.DEFAULT_THINK_TIME))),
                Double.parseDouble(property("admin-rate", Double.toString(MixOptions.DEFAULT_ADMIN_RATE))),
                DurationText.parse(property("duration", "30s")),
                required("voice-integration"),
                required("voice-secret"),
                required("tenant-token"),
                VoiceCalls.fromSystemProperties(PREFIX));
    }

    private static String required(String name) {
        String value = property(name, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set -D" + PREFIX + name);
        }
        return value;
    }

    private static String property(String name, String fallback) {
        return System.getProperty(PREFIX + name, fallback);
    }
}
