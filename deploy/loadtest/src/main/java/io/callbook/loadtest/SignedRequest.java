package io.callbook.loadtest;

/**
 * The kinds of signed provider request the webhook bench sends; each is a request of its own in the Gatling report.
 * A later kind (e.g. the voice agent's {@code POST /v1/voice/functions/check_availability?integration=<id>}, signed
 * like a voice webhook, body {@code {name, call, args}}, 200 expected) needs a constant here, a body class like
 * {@link VoiceCallBody}, and a {@link WebhookFeeder} mix that sends it.
 */
public enum SignedRequest {
    /** A call event not sent before: stored and acknowledged with 202. */
    VOICE_EVENT("voice event", "/v1/webhooks/voice", WebhookSignature.VOICE),
    /** A call event sent again, as providers retry: acknowledged with 200, nothing stored. */
    VOICE_REPEAT("voice repeat", "/v1/webhooks/voice", WebhookSignature.VOICE),
    /** A booking created at the calendar provider: stored and acknowledged with 202. */
    CALENDAR_EVENT("calendar event", "/v1/webhooks/calendar", WebhookSignature.CALENDAR);

    private final String label;
    private final String path;
    private final WebhookSignature signature;

    SignedRequest(String label, String path, WebhookSignature signature) {
        this.label = label;
        this.path = path;
        this.signature = signature;
    }

    /** The request's name in the Gatling report. */
    public String label() {
        return label;
    }

    /** Where it goes, for the integration that signs it. */
    public String path(String integrationId) {
        return path + "?integration=" + integrationId;
    }

    public WebhookSignature signature() {
        return signature;
    }
}
