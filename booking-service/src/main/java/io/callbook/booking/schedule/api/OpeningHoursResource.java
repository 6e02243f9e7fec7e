package io.callbook.booking.schedule.api;

import io.callbook.booking.schedule.domain.OpeningHours;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/v1/companies/{companyId}/branches/{branchId}/opening-hours")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Opening hours", description = "When a branch is open on a date, as its staff's hours and time off make it")
public class OpeningHoursResource {

    private final OpeningHours hours;
    private final CallerContext caller;

    public OpeningHoursResource(OpeningHours hours, CallerContext caller) {
        this.hours = hours;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "When a branch is open on a date",
            description = """
                    The times of `date` (a date of the branch's zone) when at least one active staff member of the \
                    branch is at work (weekly hours or that date's overrides, minus breaks) and not away (their own or \
                    branch-wide time off), sorted and joined, with the branch's offsets. `open` is empty when nobody \
                    works: the branch is closed that day.""")
    @APIResponse(responseCode = "404", description = "Unknown branch (or another company's)")
    public OpeningHoursResponse get(@PathParam("companyId") UUID companyId, @PathParam("branchId") UUID branchId,
                                    @QueryParam("date") @NotNull @Parameter(description = "The date, e.g. 2026-12-02")
                                    LocalDate date) {
        caller.requireCompany(companyId, "Branch " + branchId);
        return OpeningHoursResponse.of(hours.on(companyId, branchId, date));
    }

    public record OpeningHoursResponse(UUID branchId, LocalDate date, String timeZone, List<Range> open) {

        static OpeningHoursResponse of(OpeningHours.Day day) {
            return new OpeningHoursResponse(day.branchId(), day.date(), day.zone().getId(), day.open().stream()
                    .map(open -> new Range(OffsetDateTime.ofInstant(open.from(), day.zone()),
                            OffsetDateTime.ofInstant(open.until(), day.zone())))
                    .toList());
        }
    }

    public record Range(OffsetDateTime start, OffsetDateTime end) {
    }
}
