package io.callbook.loadtest.peers;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code ./callbook bench peers} measures side by side, in this order. */
public enum Peer {
    /** nginx serving one file shaped like a resolve answer: the floor of what an HTTP answer costs. */
    STATIC("static: nginx file"),
    /** nginx → PHP-FPM → one Redis GET per lookup: the predecessor's architecture at its best. */
    PHP("php: nginx+fpm+redis"),
    /** resolver-service. */
    OURS("ours: resolver");

    private final String label;

    Peer(String label) {
        this.label = label;
    }

    /** The row name in the table. */
    String label() {
        return label;
    }

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Peer of(String option) {
        return Arrays.stream(values()).filter(peer -> peer.option().equals(option.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown peer '" + option + "' ("
                        + Arrays.stream(values()).map(Peer::option).collect(Collectors.joining(", ")) + ")"));
    }

    /** Whether it runs on nginx, PHP-FPM and Redis that the bench starts itself. */
    boolean needsPeerServers() {
        return this != OURS;
    }
}
