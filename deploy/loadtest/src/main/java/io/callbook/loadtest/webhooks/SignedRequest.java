package io.callbook.loadtest.webhooks;

/**
 * The kinds of signed provider request the webhook and mix benches send; each is a request of its own in the Gatling
 * report. A new kind needs a constant here, a body class like {@link VoiceCallBody}, and a feeder that sends it.
 */
public enum SignedRequest {
    /** A call event not sent before: stored and acknowledged with 202. */
    VOICE_EVENT("voice event", "/v1/webhooks/voice", WebhookSignature.VOICE),
    /** A call event sent again, as providers retry: acknowledged with 200, nothing stored. */
    VOICE_REPEAT("voice repeat", "/v1/webhooks/voice", WebhookSignature.VOICE),
    /** A booking created at the calendar provider: stored and acknowledged with 202. */
    CALENDAR_EVENT("calendar event", "/v1/webhooks/calendar", WebhookSignature.CALENDAR),
    /** As a call comes in, the voice agent asks whose phone it answers: 200 with the business and branch. */
    VOICE_INBOUND("voice inbound", "/v1/voice/inbound", WebhookSignature.VOICE),
    /** The voice agent asks for free times while the caller waits: 200 with the slots. */
    VOICE_AVAILABILITY("voice check_availability", "check_availability", "slot_count"),
    /** The voice agent books the slot the caller chose: 200 with the appointment. */
    VOICE_BOOKING("voice book_appointment", "book_appointment", "appointment_id");

    private final String label;
    private final String path;
    private final WebhookSignature signature;
    private final String function;
    private final String answerField;

    /** A provider webhook. */
    SignedRequest(String label, String path, WebhookSignature signature) {
        this(label, path, signature, null, null);
    }

    /** A voice function: signed like the voice provider's webhooks. */
    SignedRequest(String label, String function, String answerField) {
        this(label, VoiceFunctionBody.path(function), WebhookSignature.VOICE, function, answerField);
    }

    SignedRequest(String label, String path, WebhookSignature signature, String function, String answerField) {
        this.label = label;
        this.path = path;
        this.signature = signature;
        this.function = function;
        this.answerField = answerField;
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

    /** Voice functions answer every request with 200 and a sentence, so only their content tells success apart. */
    public boolean isVoiceFunction() {
        return function != null;
    }

    /** The voice function's name, in the path and the body. */
    public String function() {
        if (function == null) {
            throw new IllegalStateException(this + " is not a voice function");
        }
        return function;
    }

    /**
     * The field only a voice function's real answer carries: a question back, a refusal or the fallback of a
     * dependency that did not answer in time all come without it.
     */
    public String answerField() {
        function(); // only voice functions have one
        return answerField;
    }
}
