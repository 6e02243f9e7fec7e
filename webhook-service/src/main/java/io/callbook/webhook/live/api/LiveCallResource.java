package io.callbook.webhook.live.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.callbook.common.api.ProblemException;
import io.callbook.common.contracts.webhook.CallActivityEvents.Activity;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.webhook.live.domain.LiveCalls;
import io.callbook.webhook.live.domain.LiveConfig;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's calls as they happen, for its dashboard: every caller's number and words, so for the tenant's admins
 * only, like the call log; the voice agent's token is refused (403).
 */
@Path("/v1/calls/live")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Calls")
public class LiveCallResource {

    private final LiveCalls live;
    private final LiveConfig config;
    private final CallerContext caller;

    public LiveCallResource(LiveCalls live, LiveConfig config, CallerContext caller) {
        this.live = live;
        this.config = config;
        this.caller = caller;
    }

    /** @param companyId needed by platform admins, who have no tenant of their own */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow the calls as they happen",
            description = """
                    Server-sent events of the company's calls from now on (nothing earlier is replayed; the call log \
                    has that). Each event is named by its type and its data is one JSON object with `type`, \
                    `call_id`, `occurred_at` and the fields the step knows: `call_started` (`from_number`, \
                    `to_number`, `agent_id`); `function_used` (`function`, `outcome`: `ok` or the error the function \
                    answered with, `result`: the sentence the agent was given to speak, `appointment_id`); \
                    `appointment_booked` and `appointment_moved` (`function`, `appointment_id`, `result`); \
                    `transcript_updated` (`transcript`: the whole transcript so far, on every turn); \
                    `transfer_started`, `transfer_bridged`, `transfer_cancelled`, `transfer_ended` \
                    (`transfer_destination`, `transfer_type`); `call_ended` (`disconnection_reason`, `duration_ms`); \
                    `call_analyzed` (`summary`, `sentiment`). A comment line comes every 15 seconds while nothing \
                    happens. A client that falls far behind is disconnected and reconnects like any EventSource.""")
    @APIResponse(responseCode = "400", description = "A platform admin named no company")
    @APIResponse(responseCode = "404", description = "The caller may not see this company")
    public Multi<OutboundSseEvent> follow(@QueryParam("companyId") UUID companyId, @Context Sse sse) {
        UUID company = companyId != null ? companyId : caller.tenant()
                .orElseThrow(() -> ProblemException.badRequest("Name the company: ?companyId=<id>"));
        caller.requireCompany(company, "Company " + company);
        Multi<OutboundSseEvent> activity = live.follow(company)
                .map(a -> sse.newEventBuilder().name(a.type()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(LiveCallEvent.class, LiveCallEvent.of(a)).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(activity, heartbeats);
    }

    /** One step of a call on the stream; fields the step does not know are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LiveCallEvent(String type, @JsonProperty("call_id") String callId,
                                @JsonProperty("occurred_at") Instant occurredAt,
                                @JsonProperty("agent_id") String agentId,
                                @JsonProperty("from_number") String fromNumber,
                                @JsonProperty("to_number") String toNumber,
                                String function, String outcome, String result,
                                @JsonProperty("appointment_id") UUID appointmentId,
                                String transcript,
                                @JsonProperty("transfer_destination") String transferDestination,
                                @JsonProperty("transfer_type") String transferType,
                                @JsonProperty("disconnection_reason") String disconnectionReason,
                                @JsonProperty("duration_ms") Long durationMs,
                                String summary, String sentiment) {

        static LiveCallEvent of(Activity a) {
            return new LiveCallEvent(a.type(), a.callId(), a.occurredAt(), a.agentId(), a.fromNumber(), a.toNumber(),
                    a.function(), a.outcome(), a.result(), a.appointmentId(), a.transcript(), a.transferDestination(),
                    a.transferType(), a.disconnectionReason(), a.durationMs(), a.summary(), a.sentiment());
        }
    }
}
