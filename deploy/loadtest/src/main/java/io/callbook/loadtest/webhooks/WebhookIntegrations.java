package io.callbook.loadtest.webhooks;

/**
 * A voice and a calendar integration of the bench's company, with the secrets webhook-service showed once when it
 * made them. Each run gets a pair of its own, so its events can be read back apart from every other run's.
 */
public record WebhookIntegrations(String voiceId, String voiceSecret, String calendarId, String calendarSecret) {

    public String integrationId(WebhookSignature provider) {
        return provider == WebhookSignature.VOICE ? voiceId : calendarId;
    }

    public String secret(WebhookSignature provider) {
        return provider == WebhookSignature.VOICE ? voiceSecret : calendarSecret;
    }
}
