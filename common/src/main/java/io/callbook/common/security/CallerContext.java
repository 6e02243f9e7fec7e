package io.callbook.common.security;

import io.callbook.common.api.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling and which tenant they may see. Every tenant-scoped lookup goes through
 * {@link #requireCompany(UUID)}: another tenant's object answers 404, so its existence is never revealed.
 */
@RequestScoped
public class CallerContext {

    public static final String TENANT_CLAIM = "tenant";

    private final JsonWebToken token;

    public CallerContext(JsonWebToken token) {
        this.token = token;
    }

    public Optional<UUID> tenant() {
        Object claim = token.getClaim(TENANT_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isPlatformAdmin() {
        return token.getGroups() != null && token.getGroups().contains(Roles.PLATFORM_ADMIN);
    }

    /** Platform admins and platform service tokens (no tenant claim, ops role) see every tenant. */
    public boolean seesAllTenants() {
        return isPlatformAdmin() || (tenant().isEmpty() && token.getGroups() != null && token.getGroups().contains(Roles.OPS));
    }

    public boolean canSee(UUID companyId) {
        return seesAllTenants() || tenant().map(companyId::equals).orElse(false);
    }

    /** @throws ProblemException 404 when the caller may not see this company's data */
    public void requireCompany(UUID companyId, String what) {
        if (!canSee(companyId)) {
            throw ProblemException.notFound(what);
        }
    }

    public String subject() {
        return token.getSubject();
    }
}
