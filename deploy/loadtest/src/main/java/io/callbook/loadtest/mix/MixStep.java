package io.callbook.loadtest.mix;

import io.callbook.loadtest.webhooks.SignedRequest;
import io.callbook.loadtest.webhooks.WebhookBench;

/**
 * The steps of a simulated call in {@code ./callbook bench mix}, in the order a call makes them, and the tenant staff's
 * reads beside the calls. Each is a request of its own in the Gatling report, named by its label, and a row of the
 * table with the design's p99 target for it (DESIGN: performance targets).
 */
enum MixStep {
    /** The voice provider tells us a call started: acknowledged with 202. */
    CALL_STARTED("call_started ack", SignedRequest.VOICE_EVENT, "call_started", WebhookBench.ACKNOWLEDGE_P99_MS),
    /** Before the agent speaks it asks whose phone it answers. */
    INBOUND("inbound hook", SignedRequest.VOICE_INBOUND, null, WebhookBench.VOICE_P99_MS),
    CHECK_AVAILABILITY("check_availability", SignedRequest.VOICE_AVAILABILITY, null, WebhookBench.VOICE_P99_MS),
    BOOK_APPOINTMENT("book_appointment", SignedRequest.VOICE_BOOKING, null, WebhookBench.VOICE_P99_MS),
    CALL_ENDED("call_ended ack", SignedRequest.VOICE_EVENT, "call_ended", WebhookBench.ACKNOWLEDGE_P99_MS),
    CALL_ANALYZED("call_analyzed ack", SignedRequest.VOICE_EVENT, "call_analyzed", WebhookBench.ACKNOWLEDGE_P99_MS),
    /** Tenant staff looking at calls, appointments and availability: reported, no target. */
    ADMIN_READS("admin reads", null, null, 0);

    private final String label;
    private final SignedRequest kind;
    private final String event;
    private final int p99TargetMs;

    MixStep(String label, SignedRequest kind, String event, int p99TargetMs) {
        this.label = label;
        this.kind = kind;
        this.event = event;
        this.p99TargetMs = p99TargetMs;
    }

    static MixStep of(String label) {
        for (MixStep step : values()) {
            if (step.label.equals(label)) {
                return step;
            }
        }
        throw new IllegalArgumentException("Not a step of the mix: " + label);
    }

    /** The request's name in the Gatling report and the row's in the table. */
    String label() {
        return label;
    }

    /** What is sent, signed by the run's voice integration; null for the admin reads, which carry a token. */
    SignedRequest kind() {
        return kind;
    }

    /** The call event a webhook step sends, e.g. "call_started"; null for the others. */
    String event() {
        return event;
    }

    boolean isCallEvent() {
        return event != null;
    }

    /** 202 for a new call event; 200 for the rest (the voice steps also need their real answer). */
    int expectedStatus() {
        return isCallEvent() ? 202 : 200;
    }

    /** 0 for report only. */
    int p99TargetMs() {
        return p99TargetMs;
    }

    /** Whether a run with this pace makes such requests at all (no bookings at a book share of 0, ...). */
    boolean isPlanned(MixPace pace) {
        return switch (this) {
            case BOOK_APPOINTMENT -> pace.bookShare() > 0;
            case ADMIN_READS -> pace.adminRate() > 0;
            default -> true;
        };
    }
}
