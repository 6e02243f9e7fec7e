package io.callbook.loadtest.harness;

import java.time.Duration;

/** The bench's waits between attempts: an interrupt ends the bench rather than being swallowed. */
public final class Pause {

    private Pause() {
    }

    /** @param during what the wait is for, as the interrupt's message ends: "while …" */
    public static void sleep(Duration wait, String during) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + during, e);
        }
    }
}
