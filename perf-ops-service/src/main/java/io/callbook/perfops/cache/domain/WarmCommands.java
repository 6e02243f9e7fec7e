package io.callbook.perfops.cache.domain;

import io.callbook.common.contracts.ops.CachesWarmed;
import io.callbook.common.contracts.ops.WarmCaches;

import java.time.Duration;
import java.util.Optional;

/** Where warm-caches commands go and their replies come from (the suite's ops topic). */
public interface WarmCommands {

    /**
     * Sends the command once this replica listens for replies (waiting at most {@code listenTimeout}); replies to it
     * are kept in the returned inbox until the inbox is closed.
     *
     * @throws CommandNotSent when the broker did not take the command
     */
    Replies send(WarmCaches command, Duration listenTimeout);

    interface Replies extends AutoCloseable {

        /** The next reply, waiting at most {@code wait}; empty when none came in that time. */
        Optional<CachesWarmed> next(Duration wait) throws InterruptedException;

        @Override
        void close();
    }
}
