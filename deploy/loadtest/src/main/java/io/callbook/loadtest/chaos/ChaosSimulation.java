package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.BenchSimulation;
import io.callbook.loadtest.harness.RequestTimeline;
import io.callbook.loadtest.mix.AdminReadFeeder;
import io.callbook.loadtest.mix.MixCallFeeder;
import io.callbook.loadtest.mix.MixLoadSettings;
import io.callbook.loadtest.mix.MixPace;
import io.callbook.loadtest.mix.MixSimulation;
import io.gatling.javaapi.core.PopulationBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The mix's calls and admin reads for as long as the faults take: each of {@code calls} users makes one call after
 * the other (a closed model, as {@link MixSimulation}) until the bench closes the {@link RequestTimeline}, which
 * records every request with its time and outcome. How long that is the bench only knows at the end: a killed service
 * or a restarted broker takes what it takes to come back.
 */
public class ChaosSimulation extends BenchSimulation {

    public ChaosSimulation() {
        MixLoadSettings settings = MixLoadSettings.fromSystemProperties();
        RequestTimeline timeline = RequestTimeline.current();
        MixPace pace = settings.pace();

        List<PopulationBuilder> populations = new ArrayList<>();
        MixCallFeeder calls = MixCallFeeder.of(settings);
        // the ramp spreads the first calls' starts over one call, as if the day had been going on
        populations.add(scenario("calls")
                .asLongAs(session -> timeline.isOpen()).on(exec(feed(calls), MixSimulation.call(settings, timeline)))
                .injectOpen(rampUsers(settings.calls()).during(pace.meanCallLength())));
        if (settings.adminRate() > 0) {
            AdminReadFeeder reads = AdminReadFeeder.of(settings);
            Duration every = Duration.ofNanos((long) (1_000_000_000L / settings.adminRate()));
            populations.add(scenario("admin")
                    .asLongAs(session -> timeline.isOpen()).on(exec(feed(reads),
                            MixSimulation.adminRead(settings, timeline), pause(every)))
                    .injectOpen(atOnceUsers(1)));
        }
        setUp(populations).protocols(MixSimulation.protocol(settings));
    }
}
