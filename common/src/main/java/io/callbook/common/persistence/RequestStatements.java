package io.callbook.common.persistence;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The statement shapes one HTTP request sent, and how often each. It lives in the request's duplicated Vert.x
 * context, which is current on the event loop and on the worker thread alike, so statements of a blocking resource
 * method are counted too; consumers and schedulers run in contexts of their own and are never counted.
 * <p>
 * A request that sends nothing costs this object and no map; the map is made on the first statement.
 */
public final class RequestStatements {

    static final String KEY = "callbook.requestStatements";

    private final Context context;
    private Map<String, int[]> counts;
    private int highest;

    private RequestStatements(Context context) {
        this.context = context;
    }

    /** Starts counting for the request whose context is current; a no-op outside a request's context. */
    public static RequestStatements start() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        RequestStatements statements = new RequestStatements(context);
        context.putLocal(KEY, statements);
        return statements;
    }

    /** Ends counting: work that outlives the request in its context (e.g. after-commit tasks) is not its own. */
    void stop() {
        if (context != null) {
            context.removeLocal(KEY);
        }
    }

    /** A tally bound to no context, for tests of the counting itself. */
    static RequestStatements detached() {
        return new RequestStatements(null);
    }

    /** The tally of the request whose context is current, or null when no request is being counted. */
    static RequestStatements current() {
        Context context = Vertx.currentContext();
        // Request-local data lives in duplicated contexts only; a root context is shared by everything on its thread.
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        return context.getLocal(KEY) instanceof RequestStatements statements ? statements : null;
    }

    // Synchronised because a request may run statements from more than one thread; uncontended, as it nearly always is.
    synchronized void count(String shape) {
        if (counts == null) {
            counts = new HashMap<>();
        }
        int[] count = counts.computeIfAbsent(shape, s -> new int[1]);
        if (++count[0] > highest) {
            highest = count[0];
        }
    }

    synchronized int highest() {
        return highest;
    }

    /** Each shape sent at least {@code times} times, with its count. */
    synchronized void forEachRepeated(int times, BiConsumer<String, Integer> action) {
        if (highest < times) {
            return;
        }
        counts.forEach((shape, count) -> {
            if (count[0] >= times) {
                action.accept(shape, count[0]);
            }
        });
    }
}
