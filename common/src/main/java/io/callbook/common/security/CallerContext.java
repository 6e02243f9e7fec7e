package io.callbook.common.security;

import io.callbook.common.api.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Who is calling and which tenant they may see. Every tenant-scoped lookup goes through
 * {@link #requireCompany(UUID)}: another tenant's object answers 404, so its existence is never revealed.
 */
@RequestScoped
public class CallerContext {

    public static final String TENANT_CLAIM = VerifiedCaller.TENANT_CLAIM;

    private final JsonWebToken token;
    private final CachingJwtParser verifiedTokens;
    private VerifiedCaller caller;

    public CallerContext(JsonWebToken token, CachingJwtParser verifiedTokens) {
        this.token = token;
        this.verifiedTokens = verifiedTokens;
    }

    private VerifiedCaller caller() {
        if (caller == null) {
            caller = verifiedTokens.caller(token);
        }
        return caller;
    }

    public Optional<UUID> tenant() {
        return caller().tenant();
    }

    public boolean isPlatformAdmin() {
        return caller().groups().contains(Roles.PLATFORM_ADMIN);
    }

    /** Platform admins and platform service tokens (no tenant claim, ops role) see every tenant. */
    public boolean seesAllTenants() {
        return isPlatformAdmin() || (tenant().isEmpty() && caller().groups().contains(Roles.OPS));
    }

    public boolean canSee(UUID companyId) {
        return seesAllTenants() || tenant().map(companyId::equals).orElse(false);
    }

    /**
     * {@link #canSee} detached from the request, for work that finishes on another thread (a request-scoped bean
     * cannot be reached there).
     */
    public Predicate<UUID> visibility() {
        boolean all = seesAllTenants();
        Optional<UUID> own = tenant();
        return companyId -> all || own.map(companyId::equals).orElse(false);
    }

    /** @throws ProblemException 404 when the caller may not see this company's data */
    public void requireCompany(UUID companyId, String what) {
        if (!canSee(companyId)) {
            throw ProblemException.notFound(what);
        }
    }

    public String subject() {
        return caller().subject();
    }
}
