package io.callbook.common.ratelimit;

import io.callbook.common.Stubs;
import io.callbook.common.api.Problem;
import io.callbook.common.security.AuthConfig;
import io.callbook.common.security.CachingJwtParser;
import io.callbook.common.security.Roles;
import io.callbook.common.security.VerifiedCaller;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which bucket a request counts in, and what the filter answers; the counting itself is SharedRateCounterTest's, the
 * whole chain over HTTP with Redis RateLimitOverHttpTest's.
 */
class RateLimitFilterTest {

    private static KeyPair ours;
    private static KeyPair forger;

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

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        ours = generator.generateKeyPair();
        forger = generator.generateKeyPair();
    }

    private static RateLimitFilter filter(Limits limits) {
        return new RateLimitFilter(new SharedRateCounter(null, null, limits), new RateLimitClients(parser(), limits), limits);
    }

    @Test
    void aNamedRouteHasItsConfiguredLimitThenAnswers429WithRetryAfter() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 2));
        String token = bearer(ours, UUID.randomUUID(), "agent-1");

        assertNull(filter.limit(request(token), method(Resource.class, "named"), http("10.0.0.1")));
        assertNull(filter.limit(request(token), method(Resource.class, "named"), http("10.0.0.1")));
        Response refused = filter.limit(request(token), method(Resource.class, "named"), http("10.0.0.1"));

        assertNotNull(refused);
        assertEquals(429, refused.getStatus());
        assertEquals(Problem.MEDIA_TYPE, refused.getMediaType().toString());
        assertNotNull(refused.getHeaderString("Retry-After"));
        Problem problem = (Problem) refused.getEntity();
        assertEquals("https://callbook.io/problems/rate-limited", problem.type().toString());
        assertEquals("/test", problem.instance());
    }

    @Test
    void eachVerifiedCallerHasABucketOfItsOwnWhereverItCallsFrom() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 1));
        UUID tenant = UUID.randomUUID();
        filter.limit(request(bearer(ours, tenant, "agent-1")), method(Resource.class, "named"), http("10.0.0.1"));

        assertNull(filter.limit(request(bearer(ours, tenant, "agent-2")), method(Resource.class, "named"), http("10.0.0.1")));
        assertNull(filter.limit(request(bearer(ours, UUID.randomUUID(), "agent-1")), method(Resource.class, "named"),
                http("10.0.0.1")), "the same subject in another tenant is another caller");
        assertNotNull(filter.limit(request(bearer(ours, tenant, "agent-1")), method(Resource.class, "named"),
                http("10.0.0.2")), "a new token of the same subject and tenant, from elsewhere, is the same caller");
    }

    @Test
    void madeUpAuthorizationHeadersCountAsTheAddressTheyComeFrom() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 30));
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            String header = switch (i % 3) {
                case 0 -> "Bearer " + UUID.randomUUID();
                case 1 -> bearer(forger, UUID.randomUUID(), "forged-" + i);
                default -> "Basic " + UUID.randomUUID();
            };
            refused += filter.limit(request(header), method(Resource.class, "named"), http("10.0.0.1")) == null ? 0 : 1;
        }

        assertEquals(30, refused);
        assertNull(filter.limit(request("Bearer " + UUID.randomUUID()), method(Resource.class, "named"), http("10.0.0.2")));
    }

    @Test
    void withoutATokenTheAddressIsTheClient() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 1));
        filter.limit(request(null), method(Resource.class, "named"), http("10.0.0.1"));

        assertNull(filter.limit(request(null), method(Resource.class, "named"), http("10.0.0.2")));
        assertNotNull(filter.limit(request(null), method(Resource.class, "named"), http("10.0.0.1")));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 1));
        filter.limit(request(null), method(Resource.class, "named"), http("2001:db8:1:2::1"));

        assertNotNull(filter.limit(request(null), method(Resource.class, "named"), http("2001:db8:1:2:ffff::7")));
        assertNull(filter.limit(request(null), method(Resource.class, "named"), http("2001:db8:1:3::1")));
    }

    @Test
    void forwardedForIsIgnoredUnlessProxiesAreTrusted() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 1));
        filter.limit(request(null), method(Resource.class, "named"), http("10.0.0.1", "198.51.100.1"));

        assertNotNull(filter.limit(request(null), method(Resource.class, "named"), http("10.0.0.1", "198.51.100.2")),
                "a made-up X-Forwarded-For does not make a new client");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 1).trustedProxies("10.0.0.0/8", "192.0.2.7"));
        filter.limit(request(null), method(Resource.class, "named"), http("10.1.1.1", "1.1.1.1, 198.51.100.1, 192.0.2.7"));

        assertNotNull(filter.limit(request(null), method(Resource.class, "named"),
                http("10.2.2.2", "6.6.6.6, 198.51.100.1, 192.0.2.7")), "what the client wrote itself is ignored");
        assertNull(filter.limit(request(null), method(Resource.class, "named"), http("10.1.1.1", "198.51.100.2")),
                "another client behind the same proxy");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnoredEvenWhenProxiesAreTrusted() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 1).trustedProxies("10.0.0.0/8"));
        filter.limit(request(null), method(Resource.class, "named"), http("203.0.113.9", "198.51.100.1"));

        assertNotNull(filter.limit(request(null), method(Resource.class, "named"), http("203.0.113.9", "198.51.100.2")));
    }

    @Test
    void aTenantsQuotaCountsAllItsCallersOnAllRoutes() {
        UUID small = UUID.randomUUID();
        RateLimitFilter filter = filter(Limits.of(100).tenantQuota(1_000, Map.of(small, 3)));
        filter.limit(request(bearer(ours, small, "agent-1")), method(Resource.class, "first"), http("10.0.0.1"));
        filter.limit(request(bearer(ours, small, "agent-2")), method(Resource.class, "second"), http("10.0.0.2"));
        filter.limit(request(bearer(ours, small, "admin")), method(Resource.class, "named"), http("10.0.0.3"));

        Response refused = filter.limit(request(bearer(ours, small, "agent-3")), method(Resource.class, "first"),
                http("10.0.0.4"));

        assertNotNull(refused);
        assertEquals(429, refused.getStatus());
        assertNotNull(refused.getHeaderString("Retry-After"));
        assertTrue(((Problem) refused.getEntity()).detail().contains("quota"), ((Problem) refused.getEntity()).detail());
        assertNull(filter.limit(request(bearer(ours, UUID.randomUUID(), "agent-1")), method(Resource.class, "first"),
                http("10.0.0.1")), "other tenants have quotas of their own");
    }

    @Test
    void aRequestRefusedByItsRouteLeavesTheTenantsQuotaAlone() {
        UUID tenant = UUID.randomUUID();
        RateLimitFilter filter = filter(Limits.of(100).route("named", 1).tenantQuota(1_000, Map.of(tenant, 3)));
        String token = bearer(ours, tenant, "agent-1");
        for (int i = 0; i < 5; i++) {
            filter.limit(request(token), method(Resource.class, "named"), http("10.0.0.1"));
        }

        assertNull(filter.limit(request(token), method(Resource.class, "first"), http("10.0.0.1")));
        assertNull(filter.limit(request(token), method(Resource.class, "second"), http("10.0.0.1")));
    }

    @Test
    void unnamedMethodsShareTheDefaultLimitEachInABucketOfItsOwn() {
        RateLimitFilter filter = filter(Limits.of(1));
        filter.limit(request(null), method(Resource.class, "first"), http("10.0.0.1"));

        assertNotNull(filter.limit(request(null), method(Resource.class, "first"), http("10.0.0.1")));
        assertNull(filter.limit(request(null), method(Resource.class, "second"), http("10.0.0.1")));
    }

    @Test
    void aNameOnTheClassPutsAllItsMethodsInOneBucket() {
        RateLimitFilter filter = filter(Limits.of(100).route("whole-class", 1));
        filter.limit(request(null), method(NamedResource.class, "one"), http("10.0.0.1"));

        assertNotNull(filter.limit(request(null), method(NamedResource.class, "other"), http("10.0.0.1")));
    }

    @Test
    void theResponseTellsTheClientItsBudget() {
        RateLimitFilter filter = filter(Limits.of(100).route("named", 5));
        ContainerRequestContext request = request(bearer(ours, UUID.randomUUID(), "agent-1"));
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
        ContainerRequestContext request = request(null);

        for (int i = 0; i < 3; i++) {
            assertNull(filter.limit(request, method(Resource.class, "first"), http("10.0.0.1")));
        }
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        filter.headers(request, Stubs.of(ContainerResponseContext.class, Map.of("getHeaders", args -> headers)));
        assertEquals(0, headers.size());
    }

    private static String bearer(KeyPair signer, UUID tenant, String subject) {
        return "Bearer " + Jwt.issuer("callbook").subject(subject).groups(Set.of(Roles.AGENT))
                .claim(VerifiedCaller.TENANT_CLAIM, tenant.toString())
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(Duration.ofMinutes(10)).jws().sign(signer.getPrivate());
    }

    private static CachingJwtParser parser() {
        return new CachingJwtParser(new JWTAuthContextInfo(ours.getPublic(), "callbook"), new CacheSize());
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
        return http(address, null);
    }

    private static HttpServerRequest http(String address, String forwardedFor) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (forwardedFor != null) {
            headers.add("X-Forwarded-For", forwardedFor);
        }
        return Stubs.of(HttpServerRequest.class, Map.of(
                "remoteAddress", args -> SocketAddress.inetSocketAddress(new InetSocketAddress(address, 40_000)),
                "headers", args -> headers,
                "path", args -> "/test"));
    }

    private record CacheSize() implements AuthConfig {

        @Override
        public int verifiedTokenCacheSize() {
            return 100;
        }

        @Override
        public Duration tokenTtl() {
            return Duration.ofMinutes(15);
        }

        @Override
        public String issuer() {
            return "callbook";
        }

        @Override
        public Optional<String> bootstrapApiKey() {
            return Optional.empty();
        }

        @Override
        public Duration bootstrapApiKeyTtl() {
            return Duration.ofDays(7);
        }
    }
}
