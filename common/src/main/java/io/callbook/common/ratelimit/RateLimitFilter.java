package io.callbook.common.ratelimit;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.common.security.Hashes;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every REST request per client and route. The client is the bearer token (hashed; the
 * filter runs before the token is verified, so forged tokens only ever fill their own bucket) or,
 * without one, the remote address. Over the limit the answer is 429 with {@code Retry-After}.
 */
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final SharedRateCounter limiter;
    private final RateLimitConfig config;
    private final Map<String, String> routeNames = new ConcurrentHashMap<>();

    public RateLimitFilter(SharedRateCounter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    // nonBlocking: counting never waits, and a blocking filter would move the request to a worker thread before its
    // body is read, so the worker then waits for the bytes on the event loop (under load: seconds, 10 s timeouts).
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100, nonBlocking = true)
    public Response limit(ContainerRequestContext request, SimpleResourceInfo resource, HttpServerRequest http) {
        if (!config.enabled() || resource == null || resource.getResourceClass() == null) {
            return null;
        }
        String route = routeName(resource);
        RateLimitConfig.Route routeConfig = config.routes().get(route);
        int limit = routeConfig == null ? config.defaultLimit() : routeConfig.limit();
        Duration window = routeConfig == null ? config.window() : routeConfig.window().orElse(config.window());
        RateLimitDecision decision = limiter.count(route + ":" + client(request, http), limit, window);
        request.setProperty(DECISION, decision);
        if (decision.allowed()) {
            return null;
        }
        Problem problem = Problem.of(429, "rate-limited", "Too many requests",
                "Limit of " + limit + " requests per " + window.toSeconds() + " s reached for this route; retry after "
                + decision.resetSeconds() + " s");
        return Response.fromResponse(ProblemResponses.of(problem, http))
                .header(HttpHeaders.RETRY_AFTER, decision.resetSeconds())
                .build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision decision) {
            response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
        }
    }

    private String routeName(SimpleResourceInfo resource) {
        return routeNames.computeIfAbsent(resource.getResourceClass().getName() + '#' + resource.getMethodName(),
                key -> resolveRouteName(resource));
    }

    private static String resolveRouteName(SimpleResourceInfo resource) {
        RateLimited named = resource.getResourceClass().getAnnotation(RateLimited.class);
        try {
            RateLimited onMethod = resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(RateLimited.class);
            if (onMethod != null) {
                named = onMethod;
            }
        } catch (NoSuchMethodException ignored) {
            // Inherited or generated methods fall back to the class name and method name.
        }
        return named != null ? named.value() : resource.getResourceClass().getSimpleName() + "." + resource.getMethodName();
    }

    private static String client(ContainerRequestContext request, HttpServerRequest http) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return "t-" + Hashes.sha256Hex(authorization).substring(0, 24);
        }
        return "ip-" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }
}
