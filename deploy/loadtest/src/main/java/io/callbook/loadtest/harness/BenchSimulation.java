package io.callbook.loadtest.harness;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * A bench's Gatling simulation: tells {@link RunWindow} when it starts sending and when its last user is done, and
 * holds the load settings all benches share (the HTTP protocol, the open and closed injection profiles).
 */
public abstract class BenchSimulation extends Simulation {

    /**
     * JSON to one service over one pool of keep-alive connections, as the real clients hold them (a voice platform's or a
     * provider's HTTP client, a service's REST client): a connection per virtual user would measure TCP handshakes and
     * run out of ephemeral ports at thousands of users per second.
     */
    protected static HttpProtocolBuilder jsonProtocol(String baseUrl) {
        return http.baseUrl(baseUrl)
                .acceptHeader("application/json")
                .shareConnections()
                .disableCaching()
                .disableWarmUp();
    }

    /** Open model: Poisson arrivals at a fixed mean rate, as calls do not come on a metronome. */
    protected static OpenInjectionStep poissonArrivals(double perSecond, Duration duration) {
        return constantUsersPerSec(perSecond).during(duration).randomized();
    }

    /** Closed model: the users reached over the ramp (none: at once), then kept for the duration. */
    protected static ClosedInjectionStep[] concurrentUsers(int users, Duration ramp, Duration duration) {
        List<ClosedInjectionStep> steps = new ArrayList<>();
        if (!ramp.isZero()) {
            steps.add(rampConcurrentUsers(0).to(users).during(ramp));
        }
        steps.add(constantConcurrentUsers(users).during(duration));
        return steps.toArray(ClosedInjectionStep[]::new);
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
