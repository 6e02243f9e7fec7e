package io.callbook.resolver.api;

import io.callbook.resolver.domain.ApiKey;
import io.callbook.resolver.domain.Branch;
import io.callbook.resolver.domain.Company;
import io.callbook.resolver.domain.PhoneNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of the directory API. */
public final class DirectoryDtos {

    private DirectoryDtos() {
    }

    public record CompanyRequest(@NotBlank @Size(max = 200) String name,
                                 @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter region") String defaultRegion) {
    }

    public record CompanyUpdate(@Size(min = 1, max = 200) String name,
                                @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter region") String defaultRegion,
                                Boolean active) {
    }

    public record CompanyResponse(UUID id, String name, String defaultRegion, boolean active, Instant createdAt,
                                  Instant updatedAt) {
        static CompanyResponse of(Company c) {
            return new CompanyResponse(c.id, c.name, c.defaultRegion, c.active, c.createdAt, c.updatedAt);
        }
    }

    public record BranchRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String timeZone,
                                @Size(max = 35) String locale,
                                @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter region") String phoneRegion) {
    }

    public record BranchUpdate(@Size(min = 1, max = 200) String name, @Size(max = 64) String timeZone,
                               @Size(max = 35) String locale,
                               @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter region") String phoneRegion,
                               Boolean active) {
    }

    public record BranchResponse(UUID id, UUID companyId, String name, String timeZone, String locale, String phoneRegion,
                                 boolean active, Instant createdAt, Instant updatedAt) {
        static BranchResponse of(Branch b) {
            return new BranchResponse(b.id, b.companyId, b.name, b.timeZone, b.locale, b.phoneRegion, b.active,
                    b.createdAt, b.updatedAt);
        }
    }

    public record PhoneNumberRequest(@NotBlank @Size(max = 64) String number, @NotNull UUID branchId,
                                     @Size(max = 200) String label) {
    }

    /** Each item is checked like a single assignment's body; the whole batch is assigned or nothing. */
    public record PhoneNumberBatchRequest(@Schema(required = true) List<PhoneNumberRequest> items) {
    }

    public record PhoneNumberBatchResponse(List<PhoneNumberResponse> items) {
    }

    public record PhoneNumberUpdate(UUID branchId, @Size(max = 200) String label, Boolean active) {
    }

    public record PhoneNumberResponse(UUID id, UUID companyId, UUID branchId, String e164, String label, boolean active,
                                      Instant createdAt, Instant updatedAt) {
        static PhoneNumberResponse of(PhoneNumber p) {
            return new PhoneNumberResponse(p.id, p.companyId, p.branchId, p.e164, p.label, p.active, p.createdAt, p.updatedAt);
        }
    }

    public record ApiKeyRequest(@NotBlank @Size(max = 200) String name, @NotEmpty Set<@NotBlank String> groups) {
    }

    /** {@code key} is present only in the answer to the create request. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ApiKeyResponse(UUID id, UUID companyId, String name, String prefix, Set<String> groups,
                                 Instant createdAt, Instant lastUsedAt, Instant revokedAt, Instant expiresAt,
                                 boolean bootstrap, String key) {
        static ApiKeyResponse of(ApiKey k, String plainKey) {
            return new ApiKeyResponse(k.id, k.companyId, k.name, k.prefix, k.groupSet(), k.createdAt, k.lastUsedAt,
                    k.revokedAt, k.expiresAt, k.bootstrap, plainKey);
        }
    }

    public record TokenRequest(@NotBlank @Size(max = 100) String apiKey) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, UUID tenant, Set<String> groups) {
    }

    /** webhook-service asks for a tenant's agent token with its exchange secret. */
    public record AgentTokenRequest(@NotNull UUID companyId, @NotBlank @Size(max = 200) String secret) {
    }
}
