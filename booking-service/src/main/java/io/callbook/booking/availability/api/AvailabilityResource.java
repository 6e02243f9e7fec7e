package io.callbook.booking.availability.api;

import io.callbook.booking.availability.domain.AvailabilityQuery;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.contracts.booking.AvailabilityData;
import io.callbook.common.ratelimit.RateLimited;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

@Path("/v1/branches/{branchId}/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Free slots of a branch for a service, for voice agents and booking pages")
@RateLimited("availability")
public class AvailabilityResource {

    private final AvailabilityAnswers answers;
    private final CallerContext caller;

    public AvailabilityResource(AvailabilityAnswers answers, CallerContext caller) {
        this.answers = answers;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Free slots per day",
            description = """
                    Slots of `serviceId` from `from` to `to` (dates of `timeZone`, inclusive; at most \
                    `callbook.booking.max-availability-days`, default 31), each with the staff members who can take \
                    it (unless `withStaff=false`). Starts lie on the service's slot interval counted from the start of \
                    each working interval (weekly hours or that date's overrides, minus breaks, in the branch's zone); \
                    the service's buffers must fit inside working hours and clear of time off and other appointments' \
                    blocked times. Only starts between minimum notice and the end of the booking window (as of now) are \
                    listed. On a DST night a wall-clock time that happens twice gives two slots with different \
                    offsets; one that does not exist gives none.
                    400: a missing parameter, `from` after `to`, a range too long, an unknown time zone.""")
    @APIResponse(responseCode = "200", description = "Free slots per day",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AvailabilityData.class)))
    @APIResponse(responseCode = "404", description = "Unknown branch, service or staff member (or another tenant's), or "
            + "a malformed id or date")
    @APIResponse(responseCode = "422", description = "Inactive service, or a staff member who is inactive or does not "
            + "perform the service")
    public CompletionStage<Response> get(
            @PathParam("branchId") UUID branchId,
            @QueryParam("serviceId") @NotNull UUID serviceId,
            @QueryParam("from") @NotNull @Parameter(description = "First date, e.g. 2026-12-01") LocalDate from,
            @QueryParam("to") @NotNull @Parameter(description = "Last date (inclusive)") LocalDate to,
            @QueryParam("staffId") @Parameter(description = "Only this staff member's slots") UUID staffId,
            @QueryParam("timeZone") @Parameter(description = "IANA zone of the dates and slot times; default: the branch's",
                    example = "Europe/Berlin") String timeZone,
            @QueryParam("withStaff") @DefaultValue("true") @Parameter(description = "false leaves out each slot's "
                    + "staffIds, for a caller that books by name: a day of 20 staff is then 2 KB instead of 19")
            boolean withStaff) {
        AvailabilityQuery query = new AvailabilityQuery(serviceId, from, to, staffId, zone(timeZone));
        return answers.answer(branchId, query, withStaff, caller.visibility()).thenApply(answer ->
                Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, answer.etag())
                        .build());
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw invalid("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
    }

    private static ProblemException invalid(String parameter, String message) {
        return new ProblemException(Problem.of(400, "invalid-parameter", "Invalid parameter", parameter + " " + message)
                .with("parameter", parameter));
    }
}
