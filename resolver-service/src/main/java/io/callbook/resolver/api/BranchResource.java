package io.callbook.resolver.api;

import io.callbook.common.api.Page;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.resolver.api.DirectoryDtos.BranchRequest;
import io.callbook.resolver.api.DirectoryDtos.BranchResponse;
import io.callbook.resolver.api.DirectoryDtos.BranchUpdate;
import io.callbook.resolver.domain.Branch;
import io.callbook.resolver.domain.Branches;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.util.UUID;

@Path("/v1/companies/{companyId}/branches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Branches", description = "A company's locations, with time zone, locale and phone region")
public class BranchResource {

    private final Branches branches;
    private final CallerContext caller;

    public BranchResource(Branches branches, CallerContext caller) {
        this.branches = branches;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Create a branch")
    @APIResponse(responseCode = "404", description = "No such company, or not one the caller may see")
    @APIResponse(responseCode = "422", description = "The time zone, locale or phone region is not a valid one")
    public Response create(@PathParam("companyId") UUID companyId, @NotNull @Valid BranchRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        Branch branch = branches.create(companyId, request.name(), request.timeZone(), request.locale(), request.phoneRegion());
        return Response.created(URI.create("/v1/companies/" + companyId + "/branches/" + branch.id))
                .entity(BranchResponse.of(branch)).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "List a company's branches, one page at a time")
    @APIResponse(responseCode = "404", description = "No such company, or not one the caller may see")
    public Page<BranchResponse> list(@PathParam("companyId") UUID companyId, @QueryParam("after") UUID after,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        caller.requireCompany(companyId, "Company " + companyId);
        return Page.of(branches.list(companyId, after, limit), limit, BranchResponse::of, b -> b.id.toString());
    }

    @GET
    @Path("{branchId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "Get a branch")
    @APIResponse(responseCode = "404", description = "No such branch or company, or not one the caller may see")
    public BranchResponse get(@PathParam("companyId") UUID companyId, @PathParam("branchId") UUID branchId) {
        caller.requireCompany(companyId, "Branch " + branchId);
        return BranchResponse.of(branches.get(companyId, branchId));
    }

    @PUT
    @Path("{branchId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Change a branch")
    @APIResponse(responseCode = "404", description = "No such branch or company, or not one the caller may see")
    @APIResponse(responseCode = "422", description = "The time zone, locale or phone region is not a valid one")
    public BranchResponse update(@PathParam("companyId") UUID companyId, @PathParam("branchId") UUID branchId,
                                 @NotNull @Valid BranchUpdate update) {
        caller.requireCompany(companyId, "Branch " + branchId);
        return BranchResponse.of(branches.update(companyId, branchId, update.name(), update.timeZone(), update.locale(),
                update.phoneRegion(), update.active()));
    }

    @DELETE
    @Path("{branchId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Delete a branch")
    @APIResponse(responseCode = "404", description = "No such branch or company, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "The branch still has phone numbers assigned; move or release them first")
    public Response delete(@PathParam("companyId") UUID companyId, @PathParam("branchId") UUID branchId) {
        caller.requireCompany(companyId, "Branch " + branchId);
        branches.delete(companyId, branchId);
        return Response.noContent().build();
    }
}
