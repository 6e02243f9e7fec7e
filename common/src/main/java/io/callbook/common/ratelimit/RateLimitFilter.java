package io.callbook.common.ratelimit;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every REST request per client and route ({@link RateLimitClients} says who the client is), and every request
 * of a tenant's tokens against the tenant's quota over all routes. Over either limit the answer is 429 with
 * {@code Retry-After}; a request refused by its route does not use up the tenant's quota.
 */
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final SharedRateCounter limiter;
    private final RateLimitClients clients;
    private final RateLimitConfig config;
    private final Map<String, String> routeNames = new ConcurrentHashMap<>();

    public RateLimitFilter(SharedRateCounter limiter, RateLimitClients clients, RateLimitConfig config) {
        this.limiter = limiter;
        this.clients = clients;
        this.config = config;
    }

    // nonBlocking: counting never waits, and a blocking filter would move the request to a worker thread before its
    // body is read, so the worker then waits for the bytes on the event loop (under load: seconds, 10 s timeouts).
    // Verifying a token here costs nothing extra: the verified-token cache answers the authentication that follows.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100, nonBlocking = true)
    public Response limit(ContainerRequestContext request, SimpleResourceInfo resource, HttpServerRequest http) {
        if (!config.enabled() || resource == null || resource.getResourceClass() == null) {
            return null;
        }
        String route = routeName(resource);
        RateLimitConfig.Route routeConfig = config.routes().get(route);
        int limit = routeConfig == null ? config.defaultLimit() : routeConfig.limit();
        Duration window = routeConfig == null ? config.window() : routeConfig.window().orElse(config.window());
        RateLimitClients.Client client = clients.of(request.getHeaderString(HttpHeaders.AUTHORIZATION), http);
        RateLimitDecision decision = limiter.count(route + ":" + client.key(), limit, window);
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            return refused(decision, http, "Limit of " + limit + " requests per " + window.toSeconds()
                    + " s reached for this route; retry after " + decision.resetSeconds() + " s");
        }
        if (client.tenant().isEmpty()) {
            return null;
        }
        UUID tenant = client.tenant().get();
        RateLimitConfig.TenantQuota quota = config.tenantQuota();
        int tenantLimit = quota.tenants().getOrDefault(tenant.toString(), quota.limit());
        Duration tenantWindow = quota.window().orElse(config.window());
        RateLimitDecision tenantDecision = limiter.count("tenant:" + tenant, tenantLimit, tenantWindow);
        if (tenantDecision.remaining() < decision.remaining()) {
            request.setProperty(DECISION, tenantDecision);
        }
        if (tenantDecision.allowed()) {
            return null;
        }
        return refused(tenantDecision, http, "Your organisation's quota of " + tenantLimit + " requests per "
                + tenantWindow.toSeconds() + " s is used up; retry after " + tenantDecision.resetSeconds() + " s");
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision decision) {
            response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
        }
    }

    private static Response refused(RateLimitDecision decision, HttpServerRequest http, String detail) {
        Problem problem = Problem.of(429, "rate-limited", "Too many requests", detail);
        return Response.fromResponse(ProblemResponses.of(problem, http))
                .header(HttpHeaders.RETRY_AFTER, decision.resetSeconds())
                .build();
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
}
