package io.callbook.common.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the rate-limit bucket of a resource method or class, so its limit can be configured as
 * {@code callbook.rate-limit.routes.<name>.limit}. Unnamed methods share the default limit, each
 * in a bucket of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
    String value();
}
