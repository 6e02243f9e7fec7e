package io.callbook.booking.appointment.api;

import io.callbook.booking.appointment.api.AppointmentDtos.AppointmentResponse;
import io.callbook.booking.appointment.api.AppointmentDtos.BatchRequest;
import io.callbook.booking.appointment.api.AppointmentDtos.BatchResponse;
import io.callbook.booking.appointment.api.AppointmentDtos.BookRequest;
import io.callbook.booking.appointment.api.AppointmentDtos.CancelRequest;
import io.callbook.booking.appointment.api.AppointmentDtos.Cursor;
import io.callbook.booking.appointment.api.AppointmentDtos.RescheduleRequest;
import io.callbook.booking.appointment.api.AppointmentDtos.StatusRequest;
import io.callbook.booking.appointment.domain.AppointmentBook;
import io.callbook.booking.appointment.domain.AppointmentFilter;
import io.callbook.booking.appointment.domain.AppointmentQueries;
import io.callbook.booking.appointment.domain.AppointmentStatus;
import io.callbook.booking.appointment.domain.BookAppointment;
import io.callbook.booking.appointment.domain.BookAppointmentHandler;
import io.callbook.booking.appointment.domain.BookingResult;
import io.callbook.booking.appointment.domain.RequestValues;
import io.callbook.booking.branch.domain.BranchDirectory;
import io.callbook.common.api.Page;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.ratelimit.RateLimited;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Appointments. Tenants act on their own company (from the token); platform admins, who carry no tenant, act on the
 * company of the branch or appointment they name. Another company's appointment answers 404.
 */
@Path("/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments", description = "Book, hold, move, cancel and list appointments; a taken slot answers 409")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
@RateLimited("appointments")
public class AppointmentResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_LIMIT = 200;

    private final BookAppointmentHandler booking;
    private final AppointmentBook book;
    private final AppointmentQueries queries;
    private final BranchDirectory branches;
    private final CallerContext caller;

    public AppointmentResource(BookAppointmentHandler booking, AppointmentBook book, AppointmentQueries queries,
                               BranchDirectory branches, CallerContext caller) {
        this.booking = booking;
        this.book = book;
        this.queries = queries;
        this.branches = branches;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Book (or hold) a slot", description = "Idempotency-Key makes retries safe: the same key and "
            + "body return the original appointment with Idempotent-Replayed: true; the same key with another body is 422.")
    @APIResponse(responseCode = "404", description = "Unknown branch, service, staff member or customer (or "
            + "another tenant's)")
    @APIResponse(responseCode = "409", description = "The slot is taken (conflict names what is in the way), a "
            + "concurrent request with the same Idempotency-Key is still running, or the calendar uid is already "
            + "an appointment")
    @APIResponse(responseCode = "422", description = "A booking rule is broken (notice, booking window, working "
            + "hours, inactive service or staff member), or the Idempotency-Key was used for another body")
    public Response create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, BookRequest request) {
        if (request == null) {
            throw AppointmentDtos.badRequest("A request body is required");
        }
        String key = idempotencyKey(idempotencyKey);
        BookingResult result = booking.handle(companyForBranch(request.branchId()), request.toCommand(), key);
        Response.ResponseBuilder response = Response.created(location(result.appointment().id))
                .entity(AppointmentResponse.of(result.appointment()));
        if (result.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    @POST
    @Path("batch")
    @Operation(summary = "Book several slots at once, all or nothing", description = "Every item is checked first "
            + "(422 lists each failing index); one transaction books them all, and a taken slot (409 with its index) "
            + "rolls back the whole batch.")
    @APIResponse(responseCode = "404", description = "Unknown branch (or another tenant's)")
    @APIResponse(responseCode = "409", description = "An item's slot is taken (index names the item); nothing was "
            + "written")
    @APIResponse(responseCode = "422", description = "Empty or oversized batch, or invalid items, each listed with "
            + "its index")
    public Response createBatch(BatchRequest request) {
        if (request == null || request.items() == null) {
            throw AppointmentDtos.badRequest("A body with items is required");
        }
        UUID company = companyForBranch(request.items().isEmpty() || request.items().get(0) == null
                ? null : request.items().get(0).branchId());
        List<Supplier<BookAppointment>> items = request.items().stream()
                .map(item -> item == null ? null : (Supplier<BookAppointment>) item::toCommand).toList();
        List<AppointmentResponse> booked = book.bookBatch(company, items).stream().map(AppointmentResponse::of).toList();
        return Response.status(Response.Status.CREATED).entity(new BatchResponse(booked)).build();
    }

    @GET
    @Operation(summary = "List appointments by start time", description = "Filters combine; from is inclusive and to "
            + "exclusive on the start. Pass nextCursor back as after for the next page. externalRef (with source) finds "
            + "the appointment of e.g. a calendar booking uid.")
    @APIResponse(responseCode = "404", description = "Unknown company or branch, or a malformed id, time or limit")
    public Page<AppointmentResponse> list(@QueryParam("companyId") UUID companyId, @QueryParam("branchId") UUID branchId,
                                          @QueryParam("staffId") UUID staffId, @QueryParam("customerId") UUID customerId,
                                          @QueryParam("status") @Parameter(description = "One or more of pending, "
                                                  + "confirmed, completed, no_show, cancelled, held, expired; repeated "
                                                  + "or comma-separated") List<String> status,
                                          @QueryParam("from") @Parameter(description = "ISO-8601 with offset")
                                          OffsetDateTime from,
                                          @QueryParam("to") @Parameter(description = "ISO-8601 with offset")
                                          OffsetDateTime to,
                                          @QueryParam("externalRef") String externalRef,
                                          @QueryParam("source") @Parameter(schema = @Schema(enumeration = {"api", "web",
                                                  "voice", "calendar"})) String source,
                                          @QueryParam("after") String after,
                                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT) int limit) {
        UUID company = companyForListing(companyId, branchId);
        Instant fromTime = from == null ? null : from.toInstant();
        Instant toTime = to == null ? null : to.toInstant();
        if (fromTime != null && toTime != null && !toTime.isAfter(fromTime)) {
            throw AppointmentDtos.badRequest("to must be after from");
        }
        Cursor cursor = Cursor.parse(after);
        AppointmentFilter filter = new AppointmentFilter(company, branchId, staffId, customerId, statuses(status),
                fromTime, toTime, externalRef == null || externalRef.isBlank() ? null : externalRef.strip(),
                source == null ? null : RequestValues.source(source),
                cursor == null ? null : cursor.start(), cursor == null ? null : cursor.id(), limit);
        return Page.of(queries.list(filter), limit, AppointmentResponse::of, Cursor::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one appointment")
    @APIResponse(responseCode = "404", description = "Unknown appointment (or another tenant's)")
    public AppointmentResponse get(@PathParam("id") UUID id) {
        return AppointmentResponse.of(queries.get(scope(id), id));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel; the slot is free again", description = "Cancelling a cancelled appointment changes nothing.")
    @APIResponse(responseCode = "404", description = "Unknown appointment (or another tenant's)")
    @APIResponse(responseCode = "409", description = "The appointment's status does not allow cancelling it")
    public AppointmentResponse cancel(@PathParam("id") UUID id, CancelRequest request) {
        return AppointmentResponse.of(book.cancel(scope(id), id, request == null ? null : request.reason()));
    }

    @POST
    @Path("{id}/reschedule")
    @Operation(summary = "Move to another start (and optionally staff member)", description = "Keeps the booked length "
            + "and buffers. A taken slot answers 409 and the appointment stays where it was. externalRef follows a "
            + "calendar booking whose uid changed with the move; a uid another appointment has answers 409.")
    @APIResponse(responseCode = "404", description = "Unknown appointment or staff member (or another tenant's)")
    @APIResponse(responseCode = "409", description = "The new slot is taken, the appointment is no longer live, or "
            + "the calendar uid is another appointment's")
    @APIResponse(responseCode = "422", description = "A booking rule is broken at the new time or by the new staff "
            + "member")
    public AppointmentResponse reschedule(@PathParam("id") UUID id, RescheduleRequest request) {
        if (request == null) {
            throw AppointmentDtos.badRequest("A body with start is required");
        }
        return AppointmentResponse.of(book.reschedule(scope(id), id, request.start(), request.staffId(),
                request.externalRef()));
    }

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm a held or pending appointment")
    @APIResponse(responseCode = "404", description = "Unknown appointment (or another tenant's)")
    @APIResponse(responseCode = "409", description = "The appointment's status does not allow confirming it")
    public AppointmentResponse confirm(@PathParam("id") UUID id) {
        return AppointmentResponse.of(book.confirm(scope(id), id));
    }

    @POST
    @Path("{id}/status")
    @Operation(summary = "Change the status", description = "pending, confirmed, completed, no_show or cancelled; a "
            + "change the appointment's lifecycle does not allow answers 409.")
    @APIResponse(responseCode = "404", description = "Unknown appointment (or another tenant's)")
    @APIResponse(responseCode = "409", description = "The appointment's lifecycle does not allow this change")
    @APIResponse(responseCode = "422", description = "The status is reached by booking or by time, not set")
    public AppointmentResponse status(@PathParam("id") UUID id, StatusRequest request) {
        if (request == null) {
            throw AppointmentDtos.badRequest("A body with status is required");
        }
        return AppointmentResponse.of(book.changeStatus(scope(id), id, request.status(), request.reason()));
    }

    /** The company an appointment belongs to, if the caller may see it; otherwise it does not exist for them. */
    private UUID scope(UUID id) {
        return queries.companyOf(id).filter(caller::canSee)
                .orElseThrow(() -> ProblemException.notFound("Appointment " + id));
    }

    private UUID companyForBranch(UUID branchId) {
        return caller.tenant().orElseGet(() -> {
            requirePlatformAdmin();
            if (branchId == null) {
                throw AppointmentDtos.badRequest("branchId is required");
            }
            return branches.companyOf(branchId);
        });
    }

    private UUID companyForListing(UUID companyId, UUID branchId) {
        UUID company = caller.tenant().orElseGet(() -> {
            requirePlatformAdmin();
            if (companyId != null) {
                return companyId;
            }
            if (branchId == null) {
                throw AppointmentDtos.badRequest("Without a tenant in the token, name companyId or branchId");
            }
            return branches.companyOf(branchId);
        });
        if (companyId != null && !companyId.equals(company)) {
            throw ProblemException.notFound("Company " + companyId);
        }
        if (branchId != null && !branches.companyOf(branchId).equals(company)) {
            throw ProblemException.notFound("Branch " + branchId);
        }
        return company;
    }

    private void requirePlatformAdmin() {
        if (!caller.isPlatformAdmin()) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", "The token names no tenant"));
        }
    }

    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw AppointmentDtos.badRequest(IDEMPOTENCY_KEY + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return key.strip();
    }

    private static Set<AppointmentStatus> statuses(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Set<AppointmentStatus> statuses = EnumSet.noneOf(AppointmentStatus.class);
        values.stream().flatMap(v -> Arrays.stream(v.split(","))).filter(v -> !v.isBlank())
                .forEach(v -> statuses.add(AppointmentBook.parseStatus(v)));
        return statuses;
    }

    private static URI location(UUID id) {
        return URI.create("/v1/appointments/" + id);
    }
}
