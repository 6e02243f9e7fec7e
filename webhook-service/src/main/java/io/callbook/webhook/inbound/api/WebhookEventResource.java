package io.callbook.webhook.inbound.api;

import io.callbook.common.api.Page;
import io.callbook.common.api.ProblemException;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.webhook.inbound.domain.InboundEvent;
import io.callbook.webhook.inbound.domain.InboundEvents;
import io.callbook.webhook.inbound.domain.InboundProcessor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The inbox as operators see it: by status, with replay. Tenants see their own events; operators see all. */
@Path("/v1/webhooks/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPS, Roles.TENANT_ADMIN})
@Tag(name = "Inbound webhook events", description = "Accepted provider webhooks, their processing status, and replay")
public class WebhookEventResource {

    private final InboundEvents events;
    private final InboundProcessor processor;
    private final CallerContext caller;

    public WebhookEventResource(InboundEvents events, InboundProcessor processor, CallerContext caller) {
        this.events = events;
        this.processor = processor;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List inbound webhook events")
    @APIResponse(responseCode = "404", description = "The caller has no tenant")
    public Page<EventResponse> list(@QueryParam("status")
                                    @Pattern(regexp = "received|processing|done|failed|dead|ignored",
                                            message = "must be received, processing, done, failed, dead or ignored")
                                    String status,
                                    @QueryParam("integration") UUID integration, @QueryParam("after") UUID after,
                                    @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return Page.of(events.list(scope(), integration, status, after, limit), limit, EventResponse::of, e -> e.id.toString());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an inbound webhook event")
    @APIResponse(responseCode = "404", description = "No such event the caller may see")
    public EventResponse get(@PathParam("id") UUID id) {
        return EventResponse.of(events.get(scope(), id));
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Replay an inbound webhook event")
    @APIResponse(responseCode = "404", description = "No such event the caller may see")
    @APIResponse(responseCode = "409", description = "The event is still to be processed: only failed, dead or done events are replayed")
    public EventResponse replay(@PathParam("id") UUID id) {
        events.replay(scope(), id);
        processor.drain();
        return EventResponse.of(events.get(scope(), id));
    }

    /** Replays every failed or dead event (of the caller's tenant), up to {@code limit}. */
    @POST
    @Path("replay")
    @Operation(summary = "Replay all failed or dead events")
    @APIResponse(responseCode = "404", description = "The caller has no tenant")
    public Map<String, Integer> replayAll(@QueryParam("status") @NotNull
                                          @Pattern(regexp = "failed|dead", message = "must be failed or dead") String status,
                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        int replayed = events.replayAll(scope(), status, limit);
        processor.drain();
        return Map.of("replayed", replayed);
    }

    private UUID scope() {
        return caller.seesAllTenants() ? null : caller.tenant().orElseThrow(() -> ProblemException.notFound("Tenant"));
    }

    public record EventResponse(UUID id, UUID companyId, UUID integrationId, String provider, String eventType,
                                String status, int priority, int attempts, Instant nextAttemptAt, String lastError,
                                Instant receivedAt, Instant processedAt, String outcome) {
        static EventResponse of(InboundEvent e) {
            return new EventResponse(e.id, e.companyId, e.integrationId, e.provider, e.eventType, e.status, e.priority,
                    e.attempts, e.nextAttemptAt, e.lastError, e.receivedAt, e.processedAt, e.outcome);
        }
    }
}
