package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.EndlessFeeder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An endless stream of signed provider requests for Gatling's {@code feed}, in the {@link WebhookMix}: call events in
 * order (started, ended, analyzed of one call, then the next call), repeats of call events already acknowledged, and
 * calendar bookings. Each request is signed as it is fed, so the voice signature's time is current.
 */
public final class WebhookFeeder extends EndlessFeeder {

    public static final String KIND = "kind";
    public static final String PATH = "path";
    public static final String BODY = "body";
    public static final String SIGNATURE = "signature";
    public static final String EXPECTED_STATUS = "expectedStatus";

    /** Acknowledged call events kept for repeats; older ones are forgotten. */
    private static final int REPEATABLE = 10_000;

    private final WebhookLoadSettings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final ArrayDeque<String> repeatable = new ArrayDeque<>();
    private long voiceEvents;
    private long calendarEvents;

    WebhookFeeder(WebhookLoadSettings settings, Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    public static WebhookFeeder of(WebhookLoadSettings settings) {
        return new WebhookFeeder(settings, Clock.systemUTC(), newRandom());
    }

    /** Gatling may feed from several threads; the order of call events and the repeat queue need one at a time. */
    @Override
    public synchronized Map<String, Object> next() {
        Instant now = clock.instant();
        double draw = random.nextDouble();
        WebhookMix mix = settings.mix();
        if (draw < mix.calendarShare()) {
            return calendarEvent(now);
        }
        if (draw < mix.calendarShare() + mix.repeatShare() && !repeatable.isEmpty()) {
            return request(SignedRequest.VOICE_REPEAT, repeatable.pollFirst(), now, 200);
        }
        return voiceEvent(now);
    }

    /**
     * A call event the service acknowledged with 202 may be repeated: only then is a repeat sure to find it stored and
     * get 200. A repeat of an event still in flight could overtake it and be the one stored (202).
     */
    public synchronized void acknowledged(String body) {
        repeatable.addLast(body);
        if (repeatable.size() > REPEATABLE) {
            repeatable.pollFirst();
        }
    }

    private Map<String, Object> voiceEvent(Instant now) {
        long number = voiceEvents++;
        long call = number / VoiceCallBody.EVENTS.size();
        String event = VoiceCallBody.EVENTS.get((int) (number % VoiceCallBody.EVENTS.size()));
        String body = VoiceCallBody.json(event, settings.runId() + "-call-" + call, String.format("+4917%08d", call % 100_000_000),
                "+4930" + String.format("%07d", 1_000_000 + call % 9_000_000), now.toEpochMilli());
        return request(SignedRequest.VOICE_EVENT, body, now, 202);
    }

    private Map<String, Object> calendarEvent(Instant now) {
        String uid = settings.runId() + "-booking-" + calendarEvents++;
        return request(SignedRequest.CALENDAR_EVENT, CalendarBookingBody.created(uid, now.plus(Duration.ofDays(7))), now, 202);
    }

    private Map<String, Object> request(SignedRequest kind, String body, Instant now, int expectedStatus) {
        return signed(kind, body, settings.integrations(), now, expectedStatus);
    }

    /** One feed record: a request of this kind signed now by the run's integration of its provider. */
    static Map<String, Object> signed(SignedRequest kind, String body, WebhookIntegrations integrations, Instant now,
                                      int expectedStatus) {
        WebhookSignature signature = kind.signature();
        String signed = signature.value(body.getBytes(StandardCharsets.UTF_8), integrations.secret(signature), now);
        return Map.of(KIND, kind.label(), PATH, kind.path(integrations.integrationId(signature)), BODY, body,
                SIGNATURE, signed, EXPECTED_STATUS, expectedStatus);
    }
}
