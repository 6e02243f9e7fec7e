package io.callbook.common.api;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7): new rows land at the end of the primary-key index, and the id
 * doubles as a stable keyset-pagination cursor in creation order.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The smallest id {@link #newId()} gives at {@code instant}: every row made before it has a smaller one. */
    public static UUID firstAt(java.time.Instant instant) {
        return new UUID((instant.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
    }

    /** Parses an id from a path or query parameter; a malformed id is a 404, as it names nothing. */
    public static UUID parse(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what);
        }
    }
}
