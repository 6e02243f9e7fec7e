package io.callbook.common.cache;

import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A warning for a dependency that is down, written at most once per interval: during a Redis outage every request
 * fails the same way, and one line per request would bury the log and cost more than the request itself.
 */
public final class OutageLog {

    private static final long INTERVAL_MILLIS = 10_000;

    private final Logger log;
    private final AtomicLong lastLogged = new AtomicLong();

    public OutageLog(Class<?> owner) {
        this.log = Logger.getLogger(owner);
    }

    /** Logs the warning unless one was logged in the last ten seconds; a lost race just skips the line. */
    public void warn(String format, Object... params) {
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last > INTERVAL_MILLIS && lastLogged.compareAndSet(last, now)) {
            log.warnf(format, params);
        }
    }
}
