package io.callbook.loadtest.webhooks;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the webhook bench measures, in the order it runs them. The first two send the same signed webhooks
 * ({@link WebhookFeeder}) and differ in what is read afterwards; voice sends the voice agent's function calls
 * ({@link VoiceFunctionFeeder}).
 */
public enum WebhookScenario {
    /** How fast webhook-service verifies, stores and acknowledges (client-side latency of the POST). */
    ACKNOWLEDGE("acknowledge"),
    /** How long an accepted event waits until the inbox worker has processed it (received_at → processed_at). */
    PROCESSED("processed"),
    /** How fast a voice function answers the agent mid-call, through resolver-service and booking-service. */
    VOICE("voice");

    private final String option;

    WebhookScenario(String option) {
        this.option = option;
    }

    /** The name on the command line, in system properties and at the start of the row names. */
    public String option() {
        return option;
    }

    public static WebhookScenario of(String option) {
        return Arrays.stream(values()).filter(s -> s.option.equals(option.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown webhook scenario '" + option + "' ("
                        + String.join(", ", Arrays.stream(values()).map(WebhookScenario::option).toList()) + ")"));
    }
}
