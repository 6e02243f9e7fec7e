package io.callbook.loadtest.resolve;

import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.SimulationSettings;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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

    public ResolveLoadSettings {
        if (scenario.isClosed() ? users < 1 : rate < 1) {
            throw new IllegalArgumentException(scenario.label() + " needs " + (scenario.isClosed() ? "users" : "a rate") + " > 0");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("The duration must be positive");
        }
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
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "url", baseUrl);
        properties.put(PREFIX + "token", token);
        properties.put(PREFIX + "numbers", numbersFile.toAbsolutePath().toString());
        properties.put(PREFIX + "scenario", scenario.label());
        properties.put(PREFIX + "users", Integer.toString(users));
        properties.put(PREFIX + "rate", Integer.toString(rate));
        properties.put(PREFIX + "duration", DurationText.format(duration));
        properties.put(PREFIX + "ramp", DurationText.format(ramp));
        properties.put(PREFIX + "think-time", DurationText.format(thinkTime));
        properties.put(PREFIX + "static-file", Boolean.toString(staticFile));
        return properties;
    }

    public static ResolveLoadSettings fromSystemProperties() {
        ResolveScenario scenario = ResolveScenario.of(property("scenario", "open"));
        String token = property("token", System.getenv("CALLBOOK_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("No token: set -D" + PREFIX + "token (or CALLBOOK_TOKEN)");
        }
        return new ResolveLoadSettings(
                property("url", "http://127.0.0.1:8081"),
                token,
                Path.of(property("numbers", "target/bench/seed.json")),
                scenario,
                Integer.parseInt(property("users", Integer.toString(scenario.defaultUsers()))),
                Integer.parseInt(property("rate", "500")),
                DurationText.parse(property("duration", "30s")),
                DurationText.parse(property("ramp", "5s")),
                DurationText.parse(property("think-time", "0ms")),
                Boolean.parseBoolean(property("static-file", "false")));
    }

    private static String property(String name, String fallback) {
        return System.getProperty(PREFIX + name, fallback);
    }
}
