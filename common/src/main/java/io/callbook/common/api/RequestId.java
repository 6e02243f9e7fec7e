package io.callbook.common.api;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.common.vertx.VertxContext;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that follows one request through logs, REST calls and Kafka events. It lives in the
 * request's duplicated Vert.x context, so it is visible on worker threads too.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "callbook.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    /** The caller's id if it is a sane token, a fresh one otherwise (we never echo arbitrary header content). */
    public static String acceptOrCreate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static String current() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            return ContextLocals.<String>get(KEY).orElse(null);
        }
        Object fromMdc = MDC.get("requestId");
        return fromMdc == null ? null : fromMdc.toString();
    }

    /** Binds an id to the current context and log lines, e.g. for a Kafka record being processed. */
    public static void bind(String requestId) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(KEY, requestId);
        }
        MDC.put("requestId", requestId);
    }
}
