package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.BenchSimulation;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Signed provider requests at a fixed mean rate (open model, Poisson arrivals), as a voice platform and a calendar
 * send them: whatever the answers take, the next request comes when it comes. A request fails unless it gets the
 * status its kind expects (202 for a new event, 200 for a repeat of one already acknowledged or a voice function) and,
 * for a voice function, the real answer.
 */
public class WebhookSimulation extends BenchSimulation {

    public WebhookSimulation() {
        WebhookLoadSettings settings = WebhookLoadSettings.fromSystemProperties();

        HttpProtocolBuilder protocol = jsonProtocol(settings.baseUrl()).contentTypeHeader("application/json");

        Iterator<Map<String, Object>> feeder;
        Consumer<String> acknowledged;
        if (settings.scenario() == WebhookScenario.VOICE) {
            feeder = VoiceFunctionFeeder.of(settings);
            acknowledged = body -> { };
        } else {
            WebhookFeeder webhooks = WebhookFeeder.of(settings);
            feeder = webhooks;
            acknowledged = webhooks::acknowledged;
        }
        Choice.WithKey[] requests = Arrays.stream(SignedRequest.values()).map(kind -> request(kind, acknowledged))
                .toArray(Choice.WithKey[]::new);
        setUp(scenario(settings.scenario().option())
                .exec(feed(feeder), doSwitch("#{" + WebhookFeeder.KIND + "}").on(requests))
                .injectOpen(poissonArrivals(settings.rate(), settings.duration())))
                .protocols(protocol);
    }

    /**
     * Each virtual user sends one request, so its session has failed exactly when this request did.
     *
     * @param acknowledged told of every new call event the service acknowledged, so that it may be repeated
     */
    private static Choice.WithKey request(SignedRequest kind, Consumer<String> acknowledged) {
        return onCase(kind.label()).then(http(kind.label())
                        .post(session -> session.getString(WebhookFeeder.PATH))
                        .header(kind.signature().header(), session -> session.getString(WebhookFeeder.SIGNATURE))
                        .body(StringBody(session -> session.getString(WebhookFeeder.BODY)))
                        .check(checks(kind)),
                exec(session -> {
                    if (kind == SignedRequest.VOICE_EVENT && !session.isFailed()) {
                        acknowledged.accept(session.getString(WebhookFeeder.BODY));
                    }
                    return session;
                }));
    }

    /** A voice function answers 200 whatever happened: only the real answer counts (see {@link VoiceAnswerVerdict}). */
    private static List<CheckBuilder> checks(SignedRequest kind) {
        CheckBuilder status = status().is(session -> session.getInt(WebhookFeeder.EXPECTED_STATUS));
        if (!kind.isVoiceFunction()) {
            return List.of(status);
        }
        // the verdict in Gatling's error message, e.g. "... found fallback (...)": Gatling 3.15 says only "failed"
        return List.of(status, bodyString().transform(body -> VoiceAnswerVerdict.of(kind, body))
                .is(VoiceAnswerVerdict.REAL).logActualValueInError(true));
    }
}
