package io.callbook.resolver.domain;

import io.callbook.common.security.Roles;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which services a token is for ({@code aud}); each service accepts only tokens that name it
 * ({@code mp.jwt.verify.audiences}). A token gets the services its groups have endpoints in, so a token stolen from
 * one service opens no service its bearer never needed (docs/adr/0013).
 */
public final class Audiences {

    public static final String RESOLVER = "resolver-service";
    public static final String BOOKING = "booking-service";
    public static final String WEBHOOK = "webhook-service";
    public static final String PERF_OPS = "perf-ops-service";

    /** What webhook-service's agent tokens are for: the voice functions call resolution and booking only. */
    public static final Set<String> VOICE_AGENT = Set.of(RESOLVER, BOOKING);

    private static final Map<String, Set<String>> BY_GROUP = Map.of(
            Roles.AGENT, Set.of(RESOLVER, BOOKING, WEBHOOK),
            Roles.TENANT_ADMIN, Set.of(RESOLVER, BOOKING, WEBHOOK),
            Roles.OPS, Set.of(RESOLVER, WEBHOOK, PERF_OPS),
            Roles.PLATFORM_ADMIN, Set.of(RESOLVER, BOOKING, WEBHOOK, PERF_OPS));

    private Audiences() {
    }

    public static Set<String> of(Set<String> groups) {
        Set<String> audience = new TreeSet<>();
        groups.forEach(group -> audience.addAll(BY_GROUP.getOrDefault(group, Set.of())));
        return Set.copyOf(audience);
    }
}
