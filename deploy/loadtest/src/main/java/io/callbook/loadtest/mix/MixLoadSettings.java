package io.callbook.loadtest.mix;

import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.SettingsProperties;
import io.callbook.loadtest.harness.SimulationSettings;
import io.callbook.loadtest.harness.SuiteService;
import io.callbook.loadtest.webhooks.VoiceCalls;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
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
    private static final SettingsProperties PROPERTIES = new SettingsProperties(PREFIX);

    public MixLoadSettings {
        SimulationSettings.requirePositive(duration);
        new MixPace(calls, thinkTime, voice.bookShare(), adminRate); // checks the rest
    }

    public MixPace pace() {
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
        SettingsProperties properties = new SettingsProperties(PREFIX)
                .put("url", baseUrl)
                .put("booking-url", bookingUrl)
                .put("run-id", runId)
                .put("calls", calls)
                .put("think-time", thinkTime)
                .put("admin-rate", adminRate)
                .put("duration", duration)
                .put("voice-integration", integration)
                .put("voice-secret", secret)
                .put("tenant-token", tenantToken);
        voice.writeTo(properties);
        return properties.toMap();
    }

    /**
     * By hand: the integration and its secret are what {@code POST /v1/companies/{c}/integrations} answered, the token
     * one of a tenant-admin key of the same company; a second run with bookings needs another {@code first-slot}.
     */
    public static MixLoadSettings fromSystemProperties() {
        return new MixLoadSettings(
                PROPERTIES.get("url", SuiteService.WEBHOOK.localUrl()),
                PROPERTIES.get("booking-url", SuiteService.BOOKING.localUrl()),
                PROPERTIES.get("run-id", "byhand-" + System.currentTimeMillis()),
                Integer.parseInt(PROPERTIES.get("calls", Integer.toString(MixOptions.DEFAULT_CALLS))),
                PROPERTIES.duration("think-time", DurationText.format(MixOptions.DEFAULT_THINK_TIME)),
                Double.parseDouble(PROPERTIES.get("admin-rate", Double.toString(MixOptions.DEFAULT_ADMIN_RATE))),
                PROPERTIES.duration("duration", "30s"),
                PROPERTIES.required("voice-integration"),
                PROPERTIES.required("voice-secret"),
                PROPERTIES.required("tenant-token"),
                VoiceCalls.from(PROPERTIES));
    }
}
