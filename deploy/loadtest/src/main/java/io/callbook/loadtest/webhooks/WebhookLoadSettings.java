package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.SettingsProperties;
import io.callbook.loadtest.harness.SimulationSettings;
import io.callbook.loadtest.harness.SuiteService;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
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
    private static final SettingsProperties PROPERTIES = new SettingsProperties(PREFIX);

    public WebhookLoadSettings {
        if (rate < 1) {
            throw new IllegalArgumentException("The rate must be positive");
        }
        SimulationSettings.requirePositive(duration);
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
        SettingsProperties properties = new SettingsProperties(PREFIX)
                .put("url", baseUrl)
                .put("scenario", scenario.option())
                .put("rate", rate)
                .put("duration", duration)
                .put("run-id", runId)
                .put("voice-integration", integrations.voiceId())
                .put("voice-secret", integrations.voiceSecret())
                .put("calendar-integration", integrations.calendarId())
                .put("calendar-secret", integrations.calendarSecret())
                .put("repeat-share", mix.repeatShare())
                .put("calendar-share", mix.calendarShare());
        if (voice != null) {
            voice.writeTo(properties);
        }
        return properties.toMap();
    }

    /** By hand: the integrations and their secrets are what POST /v1/companies/{c}/integrations answered. */
    public static WebhookLoadSettings fromSystemProperties() {
        WebhookIntegrations integrations = new WebhookIntegrations(PROPERTIES.required("voice-integration"),
                PROPERTIES.required("voice-secret"), PROPERTIES.required("calendar-integration"),
                PROPERTIES.required("calendar-secret"));
        WebhookScenario scenario = WebhookScenario.of(PROPERTIES.get("scenario", "acknowledge"));
        return new WebhookLoadSettings(
                PROPERTIES.get("url", SuiteService.WEBHOOK.localUrl()),
                scenario,
                Integer.parseInt(PROPERTIES.get("rate", "200")),
                PROPERTIES.duration("duration", "30s"),
                PROPERTIES.get("run-id", "byhand-" + System.currentTimeMillis()),
                integrations,
                new WebhookMix(
                        Double.parseDouble(PROPERTIES.get("repeat-share", Double.toString(WebhookMix.DEFAULT.repeatShare()))),
                        Double.parseDouble(PROPERTIES.get("calendar-share",
                                Double.toString(WebhookMix.DEFAULT.calendarShare())))),
                scenario == WebhookScenario.VOICE ? VoiceCalls.from(PROPERTIES) : null);
    }
}
