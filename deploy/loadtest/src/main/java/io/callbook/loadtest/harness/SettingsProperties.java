package io.callbook.loadtest.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system properties {@code <prefix>*} a simulation's settings travel in (see {@link SimulationSettings}): written
 * by the bench, read by the simulation Gatling creates, or given by hand with {@code -D…}.
 */
public final class SettingsProperties {

    private final String prefix;
    private final Map<String, String> written = new LinkedHashMap<>();

    public SettingsProperties(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** Durations as people type them, paths absolute, the rest as text. */
    public SettingsProperties put(String name, Object value) {
        written.put(prefix + name, switch (value) {
            case Duration duration -> DurationText.format(duration);
            case Path path -> path.toAbsolutePath().toString();
            default -> String.valueOf(value);
        });
        return this;
    }

    public Map<String, String> toMap() {
        return new LinkedHashMap<>(written);
    }

    public String get(String name, String fallback) {
        return System.getProperty(prefix + name, fallback);
    }

    public Duration duration(String name, String fallback) {
        return DurationText.parse(get(name, fallback));
    }

    public String required(String name) {
        String value = get(name, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set -D" + prefix + name);
        }
        return value;
    }

    /** The bearer token the simulation sends; by hand also from CALLBOOK_TOKEN. */
    public String token() {
        String token = get("token", System.getenv("CALLBOOK_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("No token: set -D" + prefix + "token (or CALLBOOK_TOKEN)");
        }
        return token;
    }
}
