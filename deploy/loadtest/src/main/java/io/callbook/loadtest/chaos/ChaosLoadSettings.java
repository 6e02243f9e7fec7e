package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.SimulationSettings;
import io.callbook.loadtest.mix.MixLoadSettings;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.Map;

/** The mix's settings, run by {@link ChaosSimulation}: as long as the bench's request timeline is open. */
record ChaosLoadSettings(MixLoadSettings mix) implements SimulationSettings {

    @Override
    public Class<? extends Simulation> simulation() {
        return ChaosSimulation.class;
    }

    @Override
    public Map<String, String> toProperties() {
        return mix.toProperties();
    }

    /** The planned length; the load runs until the faults are done. */
    @Override
    public Duration duration() {
        return mix.duration();
    }

    @Override
    public int askedRate() {
        return 0;
    }

    @Override
    public int users() {
        return mix.calls();
    }
}
