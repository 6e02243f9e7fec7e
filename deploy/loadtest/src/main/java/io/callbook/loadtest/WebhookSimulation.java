package io.callbook.loadtest;

import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.Arrays;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Signed provider webhooks at a fixed mean rate (open model, Poisson arrivals), as a voice platform and a calendar
 * send them: whatever the acknowledgements take, the next webhook comes when it comes. A request fails unless it gets
 * the status its kind expects (202 for a new event, 200 for a repeat of one already acknowledged).
 */
public class WebhookSimulation extends Simulation {

    public WebhookSimulation() {
        WebhookLoadSettings settings = WebhookLoadSettings.fromSystemProperties();

        HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                // A provider holds a few keep-alive connections to us, not a connection per webhook.
                .shareConnections()
                .disableCaching()
                .disableWarmUp();

        WebhookFeeder feeder = WebhookFeeder.of(settings);
        Choice.WithKey[] requests = Arrays.stream(SignedRequest.values()).map(kind -> request(kind, feeder))
                .toArray(Choice.WithKey[]::new);
        setUp(scenario(settings.scenario().option())
                .exec(feed(feeder), doSwitch("#{" + WebhookFeeder.KIND + "}").on(requests))
                .injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration()).randomized()))
                .protocols(protocol);
    }

    /** Each virtual user sends one request, so its session has failed exactly when this request did. */
    private static Choice.WithKey request(SignedRequest kind, WebhookFeeder feeder) {
        return onCase(kind.label()).then(http(kind.label())
                        .post(session -> session.getString(WebhookFeeder.PATH))
                        .header(kind.signature().header(), session -> session.getString(WebhookFeeder.SIGNATURE))
                        .body(StringBody(session -> session.getString(WebhookFeeder.BODY)))
                        .check(status().is(session -> session.getInt(WebhookFeeder.EXPECTED_STATUS))),
                exec(session -> {
                    if (kind == SignedRequest.VOICE_EVENT && !session.isFailed()) {
                        feeder.acknowledged(session.getString(WebhookFeeder.BODY));
                    }
                    return session;
                }));
    }

    @Override
    public void before() {
        RunWindow.opened();
    }

    @Override
    public void after() {
        RunWindow.closed();
    }
}
