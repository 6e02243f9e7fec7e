package io.callbook.webhook.privacy.api;

import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.webhook.calls.domain.Call;
import io.callbook.webhook.privacy.domain.CallerData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A caller's data held here, for the export of a customer's data (booking-service's
 * {@code GET /v1/companies/{id}/customers/{id}/export} includes it; tenants use that one download).
 */
@Path("/v1/companies/{companyId}/caller-data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Personal data", description = "What the call log holds about one caller")
public class CallerDataResource {

    private static final String DEFAULT_REGION = "DE";

    private final CallerData data;
    private final CallerContext caller;

    public CallerDataResource(CallerData data, CallerContext caller) {
        this.data = data;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The calls from one phone number, oldest first")
    @APIResponse(responseCode = "404", description = "The caller may not see this company")
    @APIResponse(responseCode = "422", description = "The phone is not a phone number")
    public CallerDataResponse get(@PathParam("companyId") UUID companyId,
                                  @QueryParam("phone") @NotBlank @Size(max = 64) String phone,
                                  @QueryParam("region") @Pattern(regexp = "[A-Za-z]{2}") String region) {
        caller.requireCompany(companyId, "Company " + companyId);
        return new CallerDataResponse(data.callsFrom(companyId, phone, region == null ? DEFAULT_REGION : region)
                .stream().map(CallEntry::of).toList());
    }

    public record CallerDataResponse(List<CallEntry> calls) {
    }

    public record CallEntry(UUID id, String callId, String fromNumber, String toNumber, UUID branchId,
                            Instant startedAt, Instant endedAt, Long durationMs, String disconnectionReason,
                            String summary, String sentiment, List<UUID> appointmentIds) {
        static CallEntry of(Call c) {
            return new CallEntry(c.id, c.callId, c.fromNumber, c.toNumber, c.branchId, c.startedAt, c.endedAt,
                    c.durationMs, c.disconnectionReason, c.summary, c.sentiment, List.of(c.appointmentIds));
        }
    }
}
