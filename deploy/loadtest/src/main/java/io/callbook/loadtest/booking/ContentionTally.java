package io.callbook.loadtest.booking;

import java.util.concurrent.atomic.LongAdder;

/**
 * The contention run's outcomes. Gatling's report tells correct answers from errors, but a booking made (201) and a
 * slot refused (409) are both correct: the simulation counts them here, in the JVM that runs it.
 */
public final class ContentionTally {

    private static final LongAdder BOOKED = new LongAdder();
    private static final LongAdder REFUSED = new LongAdder();

    /** @param booked 201 answers; @param refused 409 answers */
    public record Counts(long booked, long refused) {
    }

    private ContentionTally() {
    }

    static void reset() {
        BOOKED.reset();
        REFUSED.reset();
    }

    /** @param status the answer's status, or null when there was none (time-out, connection error) */
    static void record(Integer status) {
        if (status != null && status == 201) {
            BOOKED.increment();
        } else if (status != null && status == 409) {
            REFUSED.increment();
        }
    }

    public static Counts counts() {
        return new Counts(BOOKED.sum(), REFUSED.sum());
    }
}
