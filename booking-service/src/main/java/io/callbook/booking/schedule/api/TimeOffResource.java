package io.callbook.booking.schedule.api;

import io.callbook.booking.schedule.api.TimeOffDtos.TimeOffRequest;
import io.callbook.booking.schedule.api.TimeOffDtos.TimeOffResponse;
import io.callbook.booking.schedule.domain.TimeOff;
import io.callbook.booking.schedule.domain.TimeOffCalendar;
import io.callbook.common.api.ProblemException;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/v1/companies/{companyId}/time-off")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Time off", description = "Holidays, sick days and absences of a staff member or a whole branch")
public class TimeOffResource {

    private static final Duration MAX_LIST_RANGE = Duration.ofDays(400);

    private final TimeOffCalendar timeOff;
    private final CallerContext caller;

    public TimeOffResource(TimeOffCalendar timeOff, CallerContext caller) {
        this.timeOff = timeOff;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Add time off of a staff member or the whole branch")
    @APIResponse(responseCode = "404", description = "Unknown branch or staff member (or another company's)")
    @APIResponse(responseCode = "422", description = "The staff member works at another branch, or the end is not "
            + "after the start")
    public Response create(@PathParam("companyId") UUID companyId, @NotNull @Valid TimeOffRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        TimeOff off = timeOff.create(companyId, request.branchId(), request.staffId(), request.startsAt().toInstant(),
                request.endsAt().toInstant(), request.reason());
        return Response.created(URI.create("/v1/companies/" + companyId + "/time-off/" + off.id))
                .entity(TimeOffResponse.of(off)).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "List time off of a branch")
    @APIResponse(responseCode = "404", description = "Unknown branch (or another company's)")
    public List<TimeOffResponse> list(@PathParam("companyId") UUID companyId, @QueryParam("branchId") @NotNull UUID branchId,
                                      @QueryParam("from") @NotNull OffsetDateTime fromTime,
                                      @QueryParam("to") @NotNull OffsetDateTime toTime) {
        Instant from = fromTime.toInstant();
        Instant to = toTime.toInstant();
        caller.requireCompany(companyId, "Company " + companyId);
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_LIST_RANGE) > 0) {
            throw ProblemException.badRequest("'to' must be after 'from' and at most " + MAX_LIST_RANGE.toDays()
                    + " days later");
        }
        return timeOff.list(companyId, branchId, from, to).stream().map(TimeOffResponse::of).toList();
    }

    @DELETE
    @Path("{timeOffId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Remove time off")
    @APIResponse(responseCode = "404", description = "Unknown time off (or another company's)")
    public Response delete(@PathParam("companyId") UUID companyId, @PathParam("timeOffId") UUID timeOffId) {
        caller.requireCompany(companyId, "Time off " + timeOffId);
        timeOff.delete(companyId, timeOffId);
        return Response.noContent().build();
    }
}
