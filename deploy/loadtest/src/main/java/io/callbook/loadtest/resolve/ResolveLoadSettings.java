package io.callbook.loadtest.resolve;

import io.callbook.loadtest.harness.SettingsProperties;
import io.callbook.loadtest.harness.SimulationSettings;
import io.callbook.loadtest.harness.SuiteService;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What one run of {@link ResolveSimulation} needs, as system properties {@value #PREFIX}*.
 *
 * @param users      concurrent users of a closed scenario
 * @param rate       lookups per second of the open scenario
 * @param ramp       how long a closed scenario takes to reach its users
 * @param thinkTime  pause of a closed-scenario user between two lookups
 * @param staticFile the server answers every lookup with one file (a peer of {@code ./callbook bench peers}): 200 is
 *                   the only correct answer
 */
public record ResolveLoadSettings(String baseUrl, String token, Path numbersFile, ResolveScenario scenario, int users, int rate,
                           Duration duration, Duration ramp, Duration thinkTime, boolean staticFile)
        implements SimulationSettings {

    static final String PREFIX = "loadtest.";
    private static final SettingsProperties PROPERTIES = new SettingsProperties(PREFIX);

    public ResolveLoadSettings {
        if (scenario.isClosed() ? users < 1 : rate < 1) {
            throw new IllegalArgumentException(scenario.label() + " needs " + (scenario.isClosed() ? "users" : "a rate") + " > 0");
        }
        SimulationSettings.requirePositive(duration);
    }

    public static ResolveLoadSettings open(String baseUrl, String token, Path numbersFile, int rate, Duration duration) {
        return new ResolveLoadSettings(baseUrl, token, numbersFile, ResolveScenario.OPEN, 0, rate, duration, Duration.ZERO, Duration.ZERO,
                false);
    }

    public static ResolveLoadSettings closed(String baseUrl, String token, Path numbersFile, ResolveScenario scenario, int users,
                                      Duration duration, Duration ramp, Duration thinkTime) {
        return new ResolveLoadSettings(baseUrl, token, numbersFile, scenario, users, 0, duration, ramp, thinkTime, false);
    }

    /** The same load against a server that answers every lookup with one file. */
    public ResolveLoadSettings withStaticFile() {
        return new ResolveLoadSettings(baseUrl, token, numbersFile, scenario, users, rate, duration, ramp, thinkTime, true);
    }

    @Override
    public Class<? extends Simulation> simulation() {
        return ResolveSimulation.class;
    }

    @Override
    public int askedRate() {
        return scenario.isClosed() ? 0 : rate;
    }

    @Override
    public Map<String, String> toProperties() {
        return new SettingsProperties(PREFIX)
                .put("url", baseUrl)
                .put("token", token)
                .put("numbers", numbersFile)
                .put("scenario", scenario.label())
                .put("users", users)
                .put("rate", rate)
                .put("duration", duration)
                .put("ramp", ramp)
                .put("think-time", thinkTime)
                .put("static-file", staticFile)
                .toMap();
    }

    public static ResolveLoadSettings fromSystemProperties() {
        ResolveScenario scenario = ResolveScenario.of(PROPERTIES.get("scenario", "open"));
        String token = PROPERTIES.token();
        return new ResolveLoadSettings(
                PROPERTIES.get("url", SuiteService.RESOLVER.localUrl()),
                token,
                Path.of(PROPERTIES.get("numbers", "target/bench/seed.json")),
                scenario,
                Integer.parseInt(PROPERTIES.get("users", Integer.toString(scenario.defaultUsers()))),
                Integer.parseInt(PROPERTIES.get("rate", "500")),
                PROPERTIES.duration("duration", "30s"),
                PROPERTIES.duration("ramp", "5s"),
                PROPERTIES.duration("think-time", "0ms"),
                Boolean.parseBoolean(PROPERTIES.get("static-file", "false")));
    }
}
