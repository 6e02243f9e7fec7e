package io.callbook.loadtest.harness;

import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.Map;

/**
 * What {@link GatlingRunner} needs to run one simulation. Gatling creates the simulation itself, so its settings
 * travel as system properties, which also lets the gatling-maven-plugin run a scenario by hand with {@code -D…}.
 */
public interface SimulationSettings {

    Class<? extends Simulation> simulation();

    /** The system properties the simulation reads its settings from. */
    Map<String, String> toProperties();

    Duration duration();

    /** Requests per second of an open-model run; 0 for a closed one. */
    int askedRate();

    /** Concurrent users of a closed-model run; 0 for an open one (most runs are open). */
    default int users() {
        return 0;
    }

    /** Checks a run's length: every simulation runs for some time. */
    static void requirePositive(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("The duration must be positive");
        }
    }

    /** A rate's arrivals over a run, with room for Poisson arrivals running above their mean. */
    static long expectedArrivals(double rate, Duration duration) {
        return (long) Math.ceil(rate * (duration.toMillis() / 1000.0) * 1.1) + 20;
    }
}
