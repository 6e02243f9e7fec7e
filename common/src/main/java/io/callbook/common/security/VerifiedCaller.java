package io.callbook.common.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a verified token says about its bearer, read once per token. Reading a custom claim through
 * {@link JsonWebToken#getClaim(String)} makes SmallRye JWT build and throw an exception first (it tries the name as a
 * standard claim), which cost more than the rest of a cached resolution.
 */
public record VerifiedCaller(Optional<UUID> tenant, Set<String> groups, String subject) {

    public static final String TENANT_CLAIM = "tenant";

    public static VerifiedCaller of(JsonWebToken token) {
        Set<String> groups = token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
        return new VerifiedCaller(tenantOf(token.getClaim(TENANT_CLAIM)), groups, token.getSubject());
    }

    private static Optional<UUID> tenantOf(Object claim) {
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
