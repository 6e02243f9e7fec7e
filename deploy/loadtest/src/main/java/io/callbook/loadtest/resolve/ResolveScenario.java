package io.callbook.loadtest.resolve;

import java.util.Locale;

/**
 * The load shapes from the product's history. The closed ones keep a number of users (voice agents) each sending
 * lookups one after the other; the open one sends a fixed number of lookups per second whatever the answers take, so
 * a slow server cannot hide its queue by slowing the senders down (coordinated omission).
 */
public enum ResolveScenario {
    NORMAL(100),
    PEAK(500),
    STRESS(1_000),
    OPEN(0);

    private final int defaultUsers;

    ResolveScenario(int defaultUsers) {
        this.defaultUsers = defaultUsers;
    }

    public boolean isClosed() {
        return this != OPEN;
    }

    /** Concurrent users of a closed scenario; 0 for the open one. */
    public int defaultUsers() {
        return defaultUsers;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResolveScenario of(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown scenario '" + label + "' (normal, peak, stress, open)");
        }
    }
}
