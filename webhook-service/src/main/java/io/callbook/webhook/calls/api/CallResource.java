package io.callbook.webhook.calls.api;

import io.callbook.common.api.Page;
import io.callbook.common.api.ProblemException;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.webhook.calls.domain.Call;
import io.callbook.webhook.calls.domain.CallLog;
import io.callbook.webhook.calls.domain.CallTransfer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's call log, newest first: every caller's number and what the call was about, so for the tenant's admins
 * only. The voice agent's token ({@code agent}) needs none of it during a call and is refused (403).
 */
@Path("/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Calls", description = "Calls handled by the voice agent, built from the provider's call events")
public class CallResource {

    private final CallLog calls;
    private final CallerContext caller;

    public CallResource(CallLog calls, CallerContext caller) {
        this.calls = calls;
        this.caller = caller;
    }

    /** @param companyId needed by platform admins, who have no tenant of their own */
    @GET
    @Operation(summary = "List the calls")
    @APIResponse(responseCode = "400", description = "A platform admin named no company")
    @APIResponse(responseCode = "404", description = "The caller may not see this company")
    public Page<CallResponse> list(@QueryParam("companyId") UUID companyId, @QueryParam("from") Instant from,
                                   @QueryParam("to") Instant to, @QueryParam("branchId") UUID branchId,
                                   @QueryParam("before") UUID before,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        UUID company = company(companyId);
        List<Call> page = calls.list(company, from, to, branchId, before, limit);
        Map<UUID, List<CallTransfer>> transfers = calls.transfers(company, page);
        return Page.of(page, limit, c -> CallResponse.of(c, transfers.getOrDefault(c.id, List.of())),
                c -> c.id.toString());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a call")
    @APIResponse(responseCode = "404", description = "No such call of this company")
    public CallResponse get(@PathParam("id") UUID id, @QueryParam("companyId") UUID companyId) {
        UUID company = company(companyId);
        Call call = calls.get(company, id).orElseThrow(() -> ProblemException.notFound("Call " + id));
        return CallResponse.of(call, calls.transfers(company, List.of(call)).getOrDefault(call.id, List.of()));
    }

    private UUID company(UUID requested) {
        UUID company = requested != null ? requested : caller.tenant()
                .orElseThrow(() -> ProblemException.badRequest("Name the company: ?companyId=<id>"));
        caller.requireCompany(company, "Company " + company);
        return company;
    }

    public record CallResponse(UUID id, String callId, String agentId, String fromNumber, String toNumber, UUID branchId,
                               Instant startedAt, Instant endedAt, Long durationMs, String disconnectionReason,
                               String summary, String sentiment, List<UUID> appointmentIds,
                               List<TransferResponse> transfers) {
        static CallResponse of(Call c, List<CallTransfer> transfers) {
            return new CallResponse(c.id, c.callId, c.agentId, c.fromNumber, c.toNumber, c.branchId, c.startedAt,
                    c.endedAt, c.durationMs, c.disconnectionReason, c.summary, c.sentiment, List.of(c.appointmentIds),
                    transfers.stream().map(TransferResponse::of).toList());
        }
    }

    /** A step of a transfer to a person: started, bridged, cancelled or ended, in the order they happened. */
    public record TransferResponse(String status, String destination, String transferType, Instant occurredAt) {
        static TransferResponse of(CallTransfer t) {
            return new TransferResponse(t.status, t.destination, t.transferType, t.occurredAt);
        }
    }
}
