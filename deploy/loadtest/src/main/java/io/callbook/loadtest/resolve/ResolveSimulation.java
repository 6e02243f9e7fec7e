package io.callbook.loadtest.resolve;

import io.callbook.loadtest.harness.BenchSimulation;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Number resolution under load: {@code GET /v1/resolve} with the {@link LookupFeeder}'s mix, in the scenario that
 * {@link ResolveLoadSettings} names. A lookup fails when the answer is not the one expected for its kind: 200 for a known
 * number, 404 for an unknown one, 422 for an anonymous or malformed one; 404 and 422 are correct answers, not errors.
 * A static file (a peer of {@code ./callbook bench peers}) answers 200 to all.
 */
public class ResolveSimulation extends BenchSimulation {

    public static final String REQUEST_NAME = "resolve";

    public ResolveSimulation() {
        ResolveLoadSettings settings = ResolveLoadSettings.fromSystemProperties();
        LookupFeeder lookups = new LookupFeeder(SeedData.read(settings.numbersFile()).numbers(), LookupMix.DEFAULT);

        HttpProtocolBuilder protocol = jsonProtocol(settings.baseUrl()).authorizationHeader("Bearer " + settings.token());

        ChainBuilder lookup = feed(lookups).exec(http(REQUEST_NAME).get("/v1/resolve")
                .queryParamMap(session -> session.<Map<String, Object>>get(LookupFeeder.QUERY))
                .check(settings.staticFile() ? status().is(200)
                        : status().is(session -> session.getInt(LookupFeeder.EXPECTED_STATUS))));

        setUp(population(settings, lookup)).protocols(protocol);
    }

    private static PopulationBuilder population(ResolveLoadSettings settings, ChainBuilder lookup) {
        if (!settings.scenario().isClosed()) {
            return scenario(settings.scenario().label()).exec(lookup)
                    .injectOpen(poissonArrivals(settings.rate(), settings.duration()));
        }
        ChainBuilder step = lookup;
        Duration think = settings.thinkTime();
        if (!think.isZero()) {
            step = exec(lookup).pause(think.dividedBy(2), think.plus(think.dividedBy(2)));
        }
        // Each virtual user is one lookup; the closed injector replaces it at once, keeping the concurrency constant.
        return scenario(settings.scenario().label()).exec(step)
                .injectClosed(concurrentUsers(settings.users(), settings.ramp(), settings.duration()));
    }
}
