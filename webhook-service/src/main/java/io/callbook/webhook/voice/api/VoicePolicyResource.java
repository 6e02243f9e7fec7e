package io.callbook.webhook.voice.api;

import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.webhook.voice.domain.VoicePolicies;
import io.callbook.webhook.voice.domain.VoicePolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** What a company allows its voice agent; only its admins decide, never the agent itself. */
@Path("/v1/companies/{companyId}/voice-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Voice", description = "The voice agent's inbound-call hook and custom functions, answered within a second")
public class VoicePolicyResource {

    private final VoicePolicies policies;
    private final CallerContext caller;

    public VoicePolicyResource(VoicePolicies policies, CallerContext caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Get the voice agent's policy",
            description = "A company that never set it has the default: `otherNumbersAllowed: false`.")
    @APIResponse(responseCode = "404", description = "The caller may not see this company")
    public VoicePolicyResponse get(@PathParam("companyId") UUID companyId) {
        caller.requireCompany(companyId, "Company " + companyId);
        return VoicePolicyResponse.of(policies.get(companyId));
    }

    @PUT
    @Operation(summary = "Set the voice agent's policy",
            description = """
                    `otherNumbersAllowed: true` lets `find_customer`, `cancel_appointment`, \
                    `reschedule_appointment` and `list_my_appointments` act on a number the caller names (e.g. a \
                    receptionist's line that books for others); by default they act only on the number the call \
                    comes from.""")
    @APIResponse(responseCode = "404", description = "The caller may not see this company")
    public VoicePolicyResponse set(@PathParam("companyId") UUID companyId, @NotNull @Valid VoicePolicyRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        return VoicePolicyResponse.of(policies.set(companyId, request.otherNumbersAllowed()));
    }

    /** @param otherNumbersAllowed whether the agent may look up and cancel for a number other than the caller's */
    public record VoicePolicyRequest(@NotNull Boolean otherNumbersAllowed) {
    }

    /** @param updatedAt null while the company has the default */
    public record VoicePolicyResponse(UUID companyId, boolean otherNumbersAllowed, Instant updatedAt) {
        static VoicePolicyResponse of(VoicePolicy policy) {
            return new VoicePolicyResponse(policy.companyId, policy.otherNumbersAllowed, policy.updatedAt);
        }
    }
}
