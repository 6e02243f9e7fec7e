package io.callbook.common.http;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Optional;

/**
 * When the current request arrived, for a time budget that must count the wait for a worker thread too: a blocking
 * handler starts only when a thread takes it, and on a saturated machine that wait can be longer than the budget
 * itself. Like the request id it lives in the request's duplicated Vert.x context, so workers see it.
 */
public final class RequestArrival {

    static final String KEY = "callbook.arrivedAt";

    private RequestArrival() {
    }

    /** @param nanoTime {@link System#nanoTime()} when the request's first filter ran */
    static void bind(long nanoTime) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(KEY, nanoTime);
        }
    }

    /** {@link System#nanoTime()} of the current request's arrival; empty outside a request. */
    public static Optional<Long> nanoTime() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            return ContextLocals.get(KEY);
        }
        return Optional.empty();
    }

    /** How long ago the current request arrived; zero outside a request. */
    public static Duration age() {
        return nanoTime().map(arrived -> Duration.ofNanos(System.nanoTime() - arrived)).orElse(Duration.ZERO);
    }
}
