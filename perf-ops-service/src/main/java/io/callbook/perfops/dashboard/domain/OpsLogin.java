package io.callbook.perfops.dashboard.domain;

import io.callbook.common.security.CachingJwtParser;
import io.callbook.common.security.Roles;
import io.callbook.common.security.VerifiedCaller;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Decides whether a bearer token opens the dashboard. The token is verified exactly as the ops API verifies it (the
 * service's JWT parser: signature, issuer, expiry), so a token that signs in here also works for the page's own calls
 * to /v1/ops/... .
 *
 * <p>Rules: the token must carry the {@code platform-admin} group, or the {@code ops} group without a tenant claim (an
 * ops token scoped to one tenant must not see the whole suite).
 */
@ApplicationScoped
public class OpsLogin {

    private static final Pattern BEARER = Pattern.compile("^(?i)bearer(\\s+|$)");

    private final CachingJwtParser parser;

    public OpsLogin(CachingJwtParser parser) {
        this.parser = parser;
    }

    /** @throws LoginRefused with the reason, when the token does not open the dashboard */
    public OpsSession verify(String token) {
        // Pasted as the whole header value ("Bearer eyJ...") or with a line break, it is still the same token.
        String raw = token == null ? "" : BEARER.matcher(token.strip()).replaceFirst("").strip();
        if (raw.isEmpty()) {
            throw new LoginRefused(LoginRefused.Reason.MISSING);
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(raw);
        } catch (ParseException e) {
            throw new LoginRefused(hasExpired(e) ? LoginRefused.Reason.EXPIRED : LoginRefused.Reason.INVALID);
        }
        VerifiedCaller caller = parser.caller(jwt);
        boolean admin = caller.groups().contains(Roles.PLATFORM_ADMIN);
        if (!admin && !caller.groups().contains(Roles.OPS)) {
            throw new LoginRefused(caller.tenant().isPresent() ? LoginRefused.Reason.TENANT : LoginRefused.Reason.NOT_OPS);
        }
        if (!admin && caller.tenant().isPresent()) {
            throw new LoginRefused(LoginRefused.Reason.TENANT);
        }
        return new OpsSession(raw, caller.subject(), caller.groups(), Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    private static boolean hasExpired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }
}
