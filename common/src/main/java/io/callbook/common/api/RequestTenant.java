package io.callbook.common.api;

import org.jboss.logging.MDC;

import java.util.UUID;

/**
 * The tenant a request acts for, on its log lines (MDC key {@code tenant}, beside {@code requestId}): the company of
 * the authenticated caller, or of the integration an inbound webhook names. Like the request id it lives in the
 * request's duplicated Vert.x context, so it ends with the request; every request starts without one.
 */
public final class RequestTenant {

    public static final String MDC_KEY = "tenant";

    private RequestTenant() {
    }

    public static void bind(UUID tenant) {
        if (tenant != null) {
            MDC.put(MDC_KEY, tenant.toString());
        }
    }

    /** At the start of each request: a thread without a Vert.x context keeps its MDC, and must not lend it on. */
    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
