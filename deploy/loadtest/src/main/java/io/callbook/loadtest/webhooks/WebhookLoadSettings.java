package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.SimulationSettings;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of {@link WebhookSimulation} needs, as system properties {@value #PREFIX}*.
 *
 * @param runId makes the run's call ids and booking uids its own
 * @param voice what a voice run calls; null for the other scenarios
 */
public record WebhookLoadSettings(String baseUrl, WebhookScenario scenario, int rate, Duration duration, String runId,
                                  WebhookIntegrations integrations, WebhookMix mix, VoiceCalls voice)
        implements SimulationSettings {

    static final String PREFIX = "loadtest.webhooks.";

    public WebhookLoadSettings {
        if (rate < 1) {
            throw new IllegalArgumentException("The rate must be positive");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("The duration must be positive");
        }
        if ((scenario == WebhookScenario.VOICE) != (voice != null)) {
            throw new IllegalArgumentException("Voice calls go with the voice scenario, and only with it");
        }
    }

    /** What {@link VoiceReadiness} probes with: the run's integration, and slots of the probe's own. */
    public static WebhookLoadSettings voiceProbe(String baseUrl, String runId, WebhookIntegrations integrations,
                                          VoiceCalls probeCalls) {
        return new WebhookLoadSettings(baseUrl, WebhookScenario.VOICE, 1, Duration.ofSeconds(1), runId, integrations,
                WebhookMix.DEFAULT, probeCalls);
    }

    @Override
    public Class<? extends Simulation> simulation() {
        return WebhookSimulation.class;
    }

    @Override
    public int askedRate() {
        return rate;
    }

    @Override
    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "url", baseUrl);
        properties.put(PREFIX + "scenario", scenario.option());
        properties.put(PREFIX + "rate", Integer.toString(rate));
        properties.put(PREFIX + "duration", DurationText.format(duration));
        properties.put(PREFIX + "run-id", runId);
        properties.put(PREFIX + "voice-integration", integrations.voiceId());
        properties.put(PREFIX + "voice-secret", integrations.voiceSecret());
        properties.put(PREFIX + "calendar-integration", integrations.calendarId());
        properties.put(PREFIX + "calendar-secret", integrations.calendarSecret());
        properties.put(PREFIX + "repeat-share", Double.toString(mix.repeatShare()));
        properties.put(PREFIX + "calendar-share", Double.toString(mix.calendarShare()));
        if (voice != null) {
            properties.putAll(voice.toProperties(PREFIX));
        }
        return properties;
    }

    /** By hand: the integrations and their secrets are what POST /v1/companies/{c}/integrations answered. */
    public static WebhookLoadSettings fromSystemProperties() {
        WebhookIntegrations integrations = new WebhookIntegrations(required("voice-integration"),
                required("voice-secret"), required("calendar-integration"), required("calendar-secret"));
        WebhookScenario scenario = WebhookScenario.of(property("scenario", "acknowledge"));
        return new WebhookLoadSettings(
                property("url", WebhookOptions.DEFAULT_URL),
                scenario,
                Integer.parseInt(property("rate", "200")),
                DurationText.parse(property("duration", "30s")),
                property("run-id", "byhand-" + System.currentTimeMillis()),
                integrations,
                new WebhookMix(Double.parseDouble(property("repeat-share", Double.toString(WebhookMix.DEFAULT.repeatShare()))),
                        Double.parseDouble(property("calendar-share", Double.toString(WebhookMix.DEFAULT.calendarShare())))),
                scenario == WebhookScenario.VOICE ? VoiceCalls.fromSystemProperties(PREFIX) : null);
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
