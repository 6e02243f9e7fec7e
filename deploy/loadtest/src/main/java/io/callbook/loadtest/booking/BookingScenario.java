package io.callbook.loadtest.booking;

import java.util.Arrays;
import java.util.Locale;

/** What the booking bench measures, in the order it runs them. */
public enum BookingScenario {
    /** Each request a (branch, service, week) not asked before, so the answer is computed, not cached. */
    UNCACHED("uncached", "availability uncached", "cold"),
    /** A small hot set of (branch, service, week), asked over and over after warming the cache. */
    CACHED("cached", "availability cached", "warm"),
    /** Each request books a slot nobody else asks for: 201 expected. */
    BOOK("book", "book spread", ""),
    /**
     * As {@link #BOOK}, but naming no staff member: booking-service picks a free performer, as for a voice caller who
     * takes anyone or a booking page's "any staff member". The grid's slots at one start are as many as the branch's
     * staff, so every request still finds someone free: 201 expected.
     */
    BOOK_ANYONE("book-anyone", "book anyone", ""),
    /** Many callers race for the same few slots each second: the first wins (201), the others get 409. */
    CONTENTION("contention", "book contention", "");

    private final String option;
    private final String label;
    private final String cache;

    BookingScenario(String option, String label, String cache) {
        this.option = option;
        this.label = label;
        this.cache = cache;
    }

    /** The name on the command line and in system properties. */
    public String option() {
        return option;
    }

    /** The row name in the result table. */
    public String label() {
        return label;
    }

    /** The cache column: cold or warm for availability, empty where no cache is involved. */
    public String cache() {
        return cache;
    }

    public boolean isAvailability() {
        return this == UNCACHED || this == CACHED;
    }

    public static BookingScenario of(String option) {
        return Arrays.stream(values()).filter(s -> s.option.equals(option.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown booking scenario '" + option
                        + "' (uncached, cached, book, book-anyone, contention)"));
    }
}
