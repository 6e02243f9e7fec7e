package io.callbook.common.ratelimit;

import io.callbook.common.Stubs;
import io.callbook.common.api.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which bucket a request counts in, and what the filter answers; the counting itself is SharedRateCounterTest's. */
class RateLimitFilterTest {

    @SuppressWarnings("unused")
    static class Resource {
        @RateLimited("named")
        public void named() {
        }

        public void first() {
        }

        public void second() {
        }
    }

    @RateLimited("whole-class")
    @SuppressWarnings("unused")
    static class NamedResource {
        public void one() {
        }

        public void other() {
        }
    }

    private RateLimitFilter filter(Limits limits) {
        return new RateLimitFilter(new SharedRateCounter(null, null, limits), limits);
    }

    @Test
    void aNamedRouteHasItsConfiguredLimitThenAnswers429WithRetryAfter() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 2));

        assertNull(filter.limit(request("Bearer a"), method(Resource.class, "named"), http("10.0.0.1")));
        assertNull(filter.limit(request("Bearer a"), method(Resource.class, "named"), http("10.0.0.1")));
        Response refused = filter.limit(request("Bearer a"), method(Resource.class, "named"), http("10.0.0.1"));

        assertNotNull(refused);
        assertEquals(429, refused.getStatus());
        assertEquals(Problem.MEDIA_TYPE, refused.getMediaType().toString());
        assertNotNull(refused.getHeaderString("Retry-After"));
        Problem problem = (Problem) refused.getEntity();
        assertEquals("https://callbook.io/problems/rate-limited", problem.type().toString());
        assertEquals("/test", problem.instance());
    }

    @Test
    void eachTokenHasABucketOfItsOwn() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 1));
        filter.limit(request("Bearer a"), method(Resource.class, "named"), http("10.0.0.1"));

        assertNull(filter.limit(request("Bearer b"), method(Resource.class, "named"), http("10.0.0.1")));
        assertNotNull(filter.limit(request("Bearer a"), method(Resource.class, "named"), http("10.0.0.2")),
                "the token, not the address, is the client");
    }

    @Test
    void withoutATokenTheAddressIsTheClient() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 1));
        filter.limit(request(null), method(Resource.class, "named"), http("10.0.0.1"));

        assertNull(filter.limit(request(null), method(Resource.class, "named"), http("10.0.0.2")));
        assertNotNull(filter.limit(request(null), method(Resource.class, "named"), http("10.0.0.1")));
    }

    @Test
    void unnamedMethodsShareTheDefaultLimitEachInABucketOfItsOwn() {
        RateLimitFilter filter = filter(Limits.of(1));
        filter.limit(request("Bearer a"), method(Resource.class, "first"), http("10.0.0.1"));

        assertNotNull(filter.limit(request("Bearer a"), method(Resource.class, "first"), http("10.0.0.1")));
        assertNull(filter.limit(request("Bearer a"), method(Resource.class, "second"), http("10.0.0.1")));
    }

    @Test
    void aNameOnTheClassPutsAllItsMethodsInOneBucket() {
        RateLimitFilter filter = filter(Limits.of(100).route("whole-class", 1));
        filter.limit(request("Bearer a"), method(NamedResource.class, "one"), http("10.0.0.1"));

        assertNotNull(filter.limit(request("Bearer a"), method(NamedResource.class, "other"), http("10.0.0.1")));
    }

    @Test
    void theResponseTellsTheClientItsBudget() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 5));
        ContainerRequestContext request = request("Bearer a");
        filter.limit(request, method(Resource.class, "named"), http("10.0.0.1"));
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        filter.headers(request, Stubs.of(ContainerResponseContext.class, Map.of("getHeaders", args -> headers)));

        assertEquals(5, headers.getFirst("RateLimit-Limit"));
        assertEquals(4L, headers.getFirst("RateLimit-Remaining"));
        assertNotNull(headers.getFirst("RateLimit-Reset"));
    }

    @Test
    void aDisabledLimiterCountsNothing() {
        RateLimitFilter filter = filter(Limits.of(1).disabled());
        ContainerRequestContext request = request("Bearer a");

        for (int i = 0; i < 3; i++) {
            assertNull(filter.limit(request, method(Resource.class, "first"), http("10.0.0.1")));
        }
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        filter.headers(request, Stubs.of(ContainerResponseContext.class, Map.of("getHeaders", args -> headers)));
        assertEquals(0, headers.size());
    }

    private static ContainerRequestContext request(String authorization) {
        Map<String, Object> properties = new HashMap<>();
        return Stubs.of(ContainerRequestContext.class, Map.of(
                "getHeaderString", args -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null,
                "setProperty", args -> properties.put((String) args[0], args[1]),
                "getProperty", args -> properties.get((String) args[0])));
    }

    private static SimpleResourceInfo method(Class<?> resource, String name) {
        return Stubs.of(SimpleResourceInfo.class, Map.of(
                "getResourceClass", args -> resource,
                "getMethodName", args -> name,
                "parameterTypes", args -> new Class<?>[0]));
    }

    private static HttpServerRequest http(String address) {
        return Stubs.of(HttpServerRequest.class, Map.of(
                "remoteAddress", args -> SocketAddress.inetSocketAddress(new InetSocketAddress(address, 40_000)),
                "path", args -> "/test"));
    }
}
