package io.callbook.loadtest.mix;

import io.callbook.loadtest.harness.BenchSimulation;
import io.callbook.loadtest.harness.RequestTimeline;
import io.callbook.loadtest.webhooks.SignedRequest;
import io.callbook.loadtest.webhooks.VoiceAnswerVerdict;
import io.callbook.loadtest.webhooks.VoiceCallBody;
import io.callbook.loadtest.webhooks.WebhookSignature;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The whole day at once: simulated calls, each doing what a real one does in order with think times between the
 * steps ({@link MixPace}), and tenant-admin reads beside them. Closed model over calls: a fixed number are in flight,
 * and a new one starts when one ends, as a voice platform's lines are busy; the admin reads arrive at their own rate
 * (open model). A step fails unless it gets its expected status and, for the voice steps, the real answer.
 */
public class MixSimulation extends BenchSimulation {

    private static final String STEP_STARTED = "stepStarted";
    private static final String EVENT_BODY = "eventBody";
    private static final String ANSWER = "answer";
    private static final String BOOK_ERROR = "bookError";
    private static final String BOOK_RETRIES = "bookRetries";
    /** How often a call asks again after "booking_unconfirmed" before it gives up, as an agent would. */
    static final int MAX_BOOK_RETRIES = 2;
    /** The name under which a {@link RequestTimeline} records bookings; their key is the appointment's id. */
    public static final String BOOK_LABEL = MixStep.BOOK_APPOINTMENT.label();

    public MixSimulation() {
        MixLoadSettings settings = MixLoadSettings.fromSystemProperties();
        MixPace pace = settings.pace();

        List<PopulationBuilder> populations = new ArrayList<>();
        // The ramp spreads the first calls' starts over one call, as if the day had been going on.
        populations.add(scenario("calls").exec(feed(MixCallFeeder.of(settings)), call(settings, null))
                .injectClosed(concurrentUsers(settings.calls(), pace.meanCallLength(), settings.duration())));
        if (settings.adminRate() > 0) {
            populations.add(scenario("admin").exec(feed(AdminReadFeeder.of(settings)), adminRead(settings, null))
                    .injectOpen(poissonArrivals(settings.adminRate(), pace.meanCallLength().plus(settings.duration()))));
        }
        setUp(populations).protocols(protocol(settings));
    }

    public static HttpProtocolBuilder protocol(MixLoadSettings settings) {
        return jsonProtocol(settings.baseUrl()).contentTypeHeader("application/json");
    }

    /**
     * One simulated call, step by step, to be fed by {@link MixCallFeeder}.
     *
     * @param timeline where each request is recorded (key: a call event's "call id:event", a booking's appointment id),
     *                 or null
     */
    public static ChainBuilder call(MixLoadSettings settings, RequestTimeline timeline) {
        MixPace pace = settings.pace();
        return exec(
                event(MixStep.CALL_STARTED, settings, timeline),
                signed(MixStep.INBOUND, MixCallFeeder.INBOUND_BODY, settings, timeline),
                think(pace),
                signed(MixStep.CHECK_AVAILABILITY, MixCallFeeder.CHECK_BODY, settings, timeline),
                doIf(session -> session.getBoolean(MixCallFeeder.SECOND_CHECK)).then(
                        think(pace),
                        signed(MixStep.CHECK_AVAILABILITY, MixCallFeeder.SECOND_CHECK_BODY, settings, timeline)),
                doIf(session -> session.getBoolean(MixCallFeeder.BOOKS)).then(
                        think(pace),
                        exec(session -> session.set(BOOK_RETRIES, 0)),
                        signed(MixStep.BOOK_APPOINTMENT, MixCallFeeder.BOOK_BODY, settings, timeline),
                        // as the function's description tells the agent: the same arguments again book once
                        asLongAs(session -> VoiceAnswerVerdict.UNCONFIRMED_ERROR.equals(session.getString(BOOK_ERROR))
                                && session.getInt(BOOK_RETRIES) < MAX_BOOK_RETRIES).on(
                                think(pace),
                                exec(session -> session.set(BOOK_RETRIES, session.getInt(BOOK_RETRIES) + 1)),
                                signed(MixStep.BOOK_APPOINTMENT, MixCallFeeder.BOOK_BODY, settings, timeline))),
                think(pace),
                event(MixStep.CALL_ENDED, settings, timeline),
                think(pace),
                event(MixStep.CALL_ANALYZED, settings, timeline));
    }

    /** A call event as the voice provider sends it at that moment, signed like all the call's requests. */
    private static ChainBuilder event(MixStep step, MixLoadSettings settings, RequestTimeline timeline) {
        return exec(session -> session.set(EVENT_BODY, VoiceCallBody.json(step.event(),
                        session.getString(MixCallFeeder.CALL_ID), session.getString(MixCallFeeder.CALLER),
                        session.getString(MixCallFeeder.DIALLED), System.currentTimeMillis())))
                .exec(signed(step, EVENT_BODY, settings, timeline));
    }

    /** Signed as it is sent, so the signature's time is current however long the call has lasted. */
    private static ChainBuilder signed(MixStep step, String bodyKey, MixLoadSettings settings, RequestTimeline timeline) {
        SignedRequest kind = step.kind();
        WebhookSignature signature = kind.signature();
        List<CheckBuilder> checks = new ArrayList<>();
        if (step == MixStep.BOOK_APPOINTMENT) { // first: a failed check skips the ones after it
            checks.add(bodyString().transform(VoiceAnswerVerdict::error).saveAs(BOOK_ERROR));
            if (timeline != null) {
                checks.add(bodyString().saveAs(ANSWER));
            }
        }
        checks.addAll(checks(step));
        ChainBuilder request = exec(session -> session.set(STEP_STARTED, System.nanoTime()).remove(BOOK_ERROR))
                .exec(http(step.label())
                        .post(kind.path(settings.integration()))
                        .header(signature.header(), session -> signature.value(
                                session.getString(bodyKey).getBytes(StandardCharsets.UTF_8), settings.secret(),
                                Instant.now()))
                        .body(StringBody(session -> session.getString(bodyKey)))
                        .check(checks));
        return timeline == null ? request : request.exec(session -> recorded(timeline, step, session));
    }

    /**
     * Records the request and clears the session's failure, which Gatling would otherwise carry to every later request
     * of the call.
     */
    private static Session recorded(RequestTimeline timeline, MixStep step, Session session) {
        boolean ok = !session.isFailed();
        String key = null;
        if (step.isCallEvent()) {
            key = session.getString(MixCallFeeder.CALL_ID) + ":" + step.event();
        } else if (step == MixStep.BOOK_APPOINTMENT && ok && session.contains(ANSWER)) {
            key = VoiceAnswerVerdict.appointmentId(session.getString(ANSWER));
        }
        timeline.record(step.label(), session.getLong(STEP_STARTED), System.nanoTime(), ok, key);
        return session.remove(ANSWER).markAsSucceeded();
    }

    private static ChainBuilder think(MixPace pace) {
        return pause(session -> pace.pauseAfter(session.getLong(STEP_STARTED), System.nanoTime(),
                ThreadLocalRandom.current()));
    }

    /** Voice steps answer 200 whatever happened: only the real answer counts (see {@link VoiceAnswerVerdict}). */
    private static List<CheckBuilder> checks(MixStep step) {
        CheckBuilder status = status().is(step.expectedStatus());
        // the verdict in Gatling's error message, e.g. "... found fallback (...)", not just "failed"
        return switch (step) {
            case INBOUND -> List.of(status, bodyString()
                    .transformWithSession((body, session) -> VoiceAnswerVerdict.ofInbound(body,
                            session.getString(MixCallFeeder.BRANCH)))
                    .is(VoiceAnswerVerdict.REAL).logActualValueInError(true));
            case CHECK_AVAILABILITY, BOOK_APPOINTMENT -> List.of(status, bodyString()
                    .transform(body -> VoiceAnswerVerdict.of(step.kind(), body))
                    .is(VoiceAnswerVerdict.REAL).logActualValueInError(true));
            default -> List.of(status);
        };
    }

    /** One tenant-admin read, to be fed by {@link AdminReadFeeder}; recorded in the timeline unless it is null. */
    public static ChainBuilder adminRead(MixLoadSettings settings, RequestTimeline timeline) {
        ChainBuilder read = exec(session -> session.set(STEP_STARTED, System.nanoTime()))
                .exec(http(MixStep.ADMIN_READS.label())
                        .get(session -> session.getString(AdminReadFeeder.URL))
                        .header("Authorization", "Bearer " + settings.tenantToken())
                        .check(status().is(MixStep.ADMIN_READS.expectedStatus())));
        return timeline == null ? read : read.exec(session -> recorded(timeline, MixStep.ADMIN_READS, session));
    }
}
