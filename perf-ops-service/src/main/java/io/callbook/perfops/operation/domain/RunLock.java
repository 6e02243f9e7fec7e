package io.callbook.perfops.operation.domain;

import java.util.Optional;

/** One run at a time in the whole cluster, whichever replica or schedule starts it. */
public interface RunLock {

    /** @return the held lock, or empty when another run holds it */
    Optional<Held> tryAcquire();

    interface Held extends AutoCloseable {

        /** Releases the lock; also released when the holder's process dies. */
        @Override
        void close();
    }
}
