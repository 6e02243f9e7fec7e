package io.callbook.resolver.api;

import io.callbook.common.api.BatchItems;
import io.callbook.common.api.Page;
import io.callbook.common.ratelimit.RateLimited;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.resolver.api.DirectoryDtos.PhoneNumberBatchRequest;
import io.callbook.resolver.api.DirectoryDtos.PhoneNumberBatchResponse;
import io.callbook.resolver.api.DirectoryDtos.PhoneNumberRequest;
import io.callbook.resolver.api.DirectoryDtos.PhoneNumberResponse;
import io.callbook.resolver.api.DirectoryDtos.PhoneNumberUpdate;
import io.callbook.resolver.domain.InvalidBatch;
import io.callbook.resolver.domain.PhoneNumber;
import io.callbook.resolver.domain.PhoneNumbers;
import io.callbook.resolver.domain.PhoneNumbers.NumberAssignment;
import io.callbook.resolver.domain.ResolverConfig;
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
import java.util.List;
import java.util.UUID;

@Path("/v1/companies/{companyId}/phone-numbers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Phone numbers", description = "Numbers callers dial, each assigned to one branch")
public class PhoneNumberResource {

    private final PhoneNumbers numbers;
    private final CallerContext caller;
    private final Validator validator;
    private final ResolverConfig config;

    public PhoneNumberResource(PhoneNumbers numbers, CallerContext caller, Validator validator, ResolverConfig config) {
        this.numbers = numbers;
        this.caller = caller;
        this.validator = validator;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Assign a phone number to a branch")
    @APIResponse(responseCode = "404", description = "No such branch or company, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "The number is assigned already")
    @APIResponse(responseCode = "422", description = "The number is not a valid phone number")
    public Response assign(@PathParam("companyId") UUID companyId, @NotNull @Valid PhoneNumberRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        PhoneNumber number = numbers.assign(companyId, request.branchId(), request.number(), request.label());
        return Response.created(URI.create("/v1/companies/" + companyId + "/phone-numbers/" + number.id))
                .entity(PhoneNumberResponse.of(number)).build();
    }

    @POST
    @Path("batch")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @RateLimited("phone-number-import")
    @Operation(summary = "Assign many numbers at once, all or nothing", description = "Up to 1 000 items "
            + "(callbook.resolver.max-import-batch-size), each like the body of a single assignment. Every item is checked "
            + "first (422 lists each failing index); numbers assigned already answer 409 naming their indexes; otherwise "
            + "one transaction assigns them all, with a directory event per number.")
    @APIResponse(responseCode = "404", description = "No such company, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "Numbers of some items are assigned already; `errors` names each item")
    @APIResponse(responseCode = "422", description = "The batch is empty or too large, or items are invalid; `errors` names each item")
    public Response assignBatch(@PathParam("companyId") UUID companyId, PhoneNumberBatchRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        BatchItems<NumberAssignment> items = BatchItems.checkBody(request == null ? null : request.items(),
                config.maxImportBatchSize(), "phone numbers", validator,
                item -> new NumberAssignment(item.number(), item.branchId(), item.label()));
        List<PhoneNumber> assigned;
        try {
            assigned = numbers.assignBatch(companyId, items);
        } catch (InvalidBatch e) {
            // One answer lists what this resource and the domain found wrong, so a client fixes every item at once.
            items.throwWith(e.failures(), DirectoryExceptionMappers::problem);
            throw e;
        }
        return Response.status(Response.Status.CREATED)
                .entity(new PhoneNumberBatchResponse(assigned.stream().map(PhoneNumberResponse::of).toList())).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "List a company's phone numbers, one page at a time")
    @APIResponse(responseCode = "404", description = "No such company, or not one the caller may see")
    public Page<PhoneNumberResponse> list(@PathParam("companyId") UUID companyId, @QueryParam("branchId") UUID branchId,
                                          @QueryParam("after") UUID after,
                                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        caller.requireCompany(companyId, "Company " + companyId);
        return Page.of(numbers.list(companyId, branchId, after, limit), limit, PhoneNumberResponse::of, p -> p.id.toString());
    }

    @GET
    @Path("{numberId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "Get a phone number")
    @APIResponse(responseCode = "404", description = "No such phone number or company, or not one the caller may see")
    public PhoneNumberResponse get(@PathParam("companyId") UUID companyId, @PathParam("numberId") UUID numberId) {
        caller.requireCompany(companyId, "Phone number " + numberId);
        return PhoneNumberResponse.of(numbers.get(companyId, numberId));
    }

    /** Moving a number to another branch (branchId) takes effect on every resolver replica at once. */
    @PUT
    @Path("{numberId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Move a phone number to another branch, relabel it or switch it on or off")
    @APIResponse(responseCode = "404", description = "No such phone number, branch or company, or not one the caller may see")
    public PhoneNumberResponse update(@PathParam("companyId") UUID companyId, @PathParam("numberId") UUID numberId,
                                      @NotNull @Valid PhoneNumberUpdate update) {
        caller.requireCompany(companyId, "Phone number " + numberId);
        return PhoneNumberResponse.of(numbers.update(companyId, numberId, update.branchId(), update.label(), update.active()));
    }

    @DELETE
    @Path("{numberId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Release a phone number")
    @APIResponse(responseCode = "404", description = "No such phone number or company, or not one the caller may see")
    public Response release(@PathParam("companyId") UUID companyId, @PathParam("numberId") UUID numberId) {
        caller.requireCompany(companyId, "Phone number " + numberId);
        numbers.release(companyId, numberId);
        return Response.noContent().build();
    }
}
