package io.callbook.booking.catalog.api;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.catalog.api.CatalogDtos.DateHoursEntry;
import io.callbook.booking.catalog.api.CatalogDtos.DateHoursRequest;
import io.callbook.booking.catalog.api.CatalogDtos.HoursEntry;
import io.callbook.booking.catalog.api.CatalogDtos.StaffBatchItem;
import io.callbook.booking.catalog.api.CatalogDtos.StaffBatchRequest;
import io.callbook.booking.catalog.api.CatalogDtos.StaffBatchResponse;
import io.callbook.booking.catalog.api.CatalogDtos.StaffRequest;
import io.callbook.booking.catalog.api.CatalogDtos.StaffResponse;
import io.callbook.booking.catalog.api.CatalogDtos.StaffUpdate;
import io.callbook.booking.catalog.api.CatalogDtos.WeeklyHoursRequest;
import io.callbook.booking.catalog.domain.HoursInterval;
import io.callbook.booking.catalog.domain.HoursKind;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.booking.catalog.domain.StaffBatchInvalid;
import io.callbook.booking.catalog.domain.StaffDirectory;
import io.callbook.booking.catalog.domain.StaffDirectory.NewStaff;
import io.callbook.common.api.BatchItems;
import io.callbook.common.api.Page;
import io.callbook.common.api.ProblemException;
import io.callbook.common.ratelimit.RateLimited;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/v1/companies/{companyId}/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "Staff of a branch, their services, weekly hours with breaks, and changed hours on a date")
public class StaffResource {

    private static final int MAX_OVERRIDE_RANGE_DAYS = 366;

    private final StaffDirectory staff;
    private final CallerContext caller;
    private final Validator validator;
    private final BookingConfig config;

    public StaffResource(StaffDirectory staff, CallerContext caller, Validator validator, BookingConfig config) {
        this.staff = staff;
        this.caller = caller;
        this.validator = validator;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Add a staff member")
    @APIResponse(responseCode = "404", description = "Unknown branch (or another company's)")
    @APIResponse(responseCode = "422", description = "A service the company does not have")
    public Response create(@PathParam("companyId") UUID companyId, @NotNull @Valid StaffRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        Staff member = staff.create(companyId, request.branchId(), request.name(), request.email(), request.serviceIds());
        return Response.created(URI.create("/v1/companies/" + companyId + "/staff/" + member.id))
                .entity(StaffResponse.of(member)).build();
    }

    @POST
    @Path("batch")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @RateLimited("staff-import")
    @Operation(summary = "Create many staff members at once, all or nothing", description = "Up to 500 items "
            + "(callbook.booking.max-import-batch-size), each like the body of a single create plus, optionally, hours: "
            + "the regular week as PUT .../hours takes it. Every item is checked first (422 lists each failing index); "
            + "then one transaction creates them all, and the availability of each branch touched is dropped once.")
    @APIResponse(responseCode = "422", description = "Empty or oversized batch, or invalid items, each listed with "
            + "its index")
    public Response createBatch(@PathParam("companyId") UUID companyId, StaffBatchRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        BatchItems<NewStaff> items = BatchItems.checkBody(request == null ? null : request.items(),
                config.maxImportBatchSize(), "staff members", validator, StaffBatchItem::toNewStaff);
        List<Staff> created;
        try {
            created = staff.createBatch(companyId, items);
        } catch (StaffBatchInvalid e) {
            // One answer lists what this resource and the directory found wrong, so a client fixes every item at once.
            items.throwWith(e.failures(), CatalogExceptionMappers::problem);
            throw e;
        }
        return Response.status(Response.Status.CREATED)
                .entity(new StaffBatchResponse(created.stream().map(StaffResponse::of).toList())).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "List staff members")
    public Page<StaffResponse> list(@PathParam("companyId") UUID companyId, @QueryParam("branchId") UUID branchId,
                                    @QueryParam("after") UUID after,
                                    @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        caller.requireCompany(companyId, "Company " + companyId);
        return Page.of(staff.list(companyId, branchId, after, limit), limit, StaffResponse::of, s -> s.id.toString());
    }

    @GET
    @Path("{staffId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "Get one staff member")
    @APIResponse(responseCode = "404", description = "Unknown staff member (or another company's)")
    public StaffResponse get(@PathParam("companyId") UUID companyId, @PathParam("staffId") UUID staffId) {
        caller.requireCompany(companyId, "Staff member " + staffId);
        return StaffResponse.of(staff.get(companyId, staffId));
    }

    @PUT
    @Path("{staffId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Change a staff member")
    @APIResponse(responseCode = "404", description = "Unknown staff member (or another company's)")
    @APIResponse(responseCode = "422", description = "A service the company does not have")
    public StaffResponse update(@PathParam("companyId") UUID companyId, @PathParam("staffId") UUID staffId,
                                @NotNull @Valid StaffUpdate update) {
        caller.requireCompany(companyId, "Staff member " + staffId);
        return StaffResponse.of(staff.update(companyId, staffId, update.name(), update.email(), update.serviceIds(),
                update.active()));
    }

    @DELETE
    @Path("{staffId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Remove a staff member")
    @APIResponse(responseCode = "404", description = "Unknown staff member (or another company's)")
    @APIResponse(responseCode = "409", description = "The staff member still has upcoming appointments")
    public Response delete(@PathParam("companyId") UUID companyId, @PathParam("staffId") UUID staffId) {
        caller.requireCompany(companyId, "Staff member " + staffId);
        staff.delete(companyId, staffId);
        return Response.noContent().build();
    }

    @GET
    @Path("{staffId}/hours")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "Get a staff member's regular week")
    @APIResponse(responseCode = "404", description = "Unknown staff member (or another company's)")
    public List<HoursEntry> weeklyHours(@PathParam("companyId") UUID companyId, @PathParam("staffId") UUID staffId) {
        caller.requireCompany(companyId, "Staff member " + staffId);
        return staff.weeklyHours(companyId, staffId).stream().map(HoursEntry::of).toList();
    }

    @PUT
    @Path("{staffId}/hours")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Replace a staff member's regular week")
    @APIResponse(responseCode = "404", description = "Unknown staff member (or another company's)")
    @APIResponse(responseCode = "422", description = "Overlapping work intervals, or breaks outside them")
    public List<HoursEntry> replaceWeeklyHours(@PathParam("companyId") UUID companyId, @PathParam("staffId") UUID staffId,
                                               @NotNull @Valid WeeklyHoursRequest request) {
        caller.requireCompany(companyId, "Staff member " + staffId);
        return staff.replaceWeeklyHours(companyId, staffId, request.intervals()).stream().map(HoursEntry::of).toList();
    }

    @GET
    @Path("{staffId}/dates")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "List a staff member's hours of single dates")
    @APIResponse(responseCode = "404", description = "Unknown staff member (or another company's)")
    public List<DateHoursEntry> dateHours(@PathParam("companyId") UUID companyId, @PathParam("staffId") UUID staffId,
                                          @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        caller.requireCompany(companyId, "Staff member " + staffId);
        // Counted, not added: from.plusDays overflows for the last dates java.time can read.
        if (to.isBefore(from) || java.time.temporal.ChronoUnit.DAYS.between(from, to) > MAX_OVERRIDE_RANGE_DAYS) {
            throw ProblemException.badRequest("'to' must be on or after 'from' and at most " + MAX_OVERRIDE_RANGE_DAYS
                    + " days later");
        }
        return staff.overrides(companyId, staffId, from, to).stream().map(DateHoursEntry::of).toList();
    }

    @PUT
    @Path("{staffId}/dates/{date}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Set a staff member's hours of one date")
    @APIResponse(responseCode = "404", description = "Unknown staff member (or another company's)")
    @APIResponse(responseCode = "422", description = "Overlapping work intervals, or breaks outside them")
    public List<DateHoursEntry> replaceDateHours(@PathParam("companyId") UUID companyId, @PathParam("staffId") UUID staffId,
                                                 @PathParam("date") LocalDate date, @NotNull @Valid DateHoursRequest request) {
        caller.requireCompany(companyId, "Staff member " + staffId);
        List<HoursInterval> intervals = new ArrayList<>();
        request.work().forEach(r -> intervals.add(new HoursInterval(date.getDayOfWeek(), HoursKind.WORK, r.start(), r.end())));
        if (request.breaks() != null) {
            request.breaks().forEach(r -> intervals.add(
                    new HoursInterval(date.getDayOfWeek(), HoursKind.BREAK, r.start(), r.end())));
        }
        return staff.replaceOverrides(companyId, staffId, date, intervals).stream().map(DateHoursEntry::of).toList();
    }
}
