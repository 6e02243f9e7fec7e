package io.callbook.resolver.api;

import io.callbook.common.api.Page;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.resolver.api.DirectoryDtos.CompanyRequest;
import io.callbook.resolver.api.DirectoryDtos.CompanyResponse;
import io.callbook.resolver.api.DirectoryDtos.CompanyUpdate;
import io.callbook.resolver.domain.Company;
import io.callbook.resolver.domain.Companies;
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

@Path("/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Companies", description = "Tenants: platform admins manage them, tenant admins see their own")
public class CompanyResource {

    private final Companies companies;
    private final CallerContext caller;

    public CompanyResource(Companies companies, CallerContext caller) {
        this.companies = companies;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Create a company")
    @APIResponse(responseCode = "422", description = "The default region is not a known region")
    public Response create(@NotNull @Valid CompanyRequest request) {
        Company company = companies.create(request.name(), request.defaultRegion());
        return Response.created(URI.create("/v1/companies/" + company.id)).entity(CompanyResponse.of(company)).build();
    }

    @GET
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "List companies, one page at a time")
    public Page<CompanyResponse> list(@QueryParam("after") UUID after,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return Page.of(companies.list(after, limit), limit, CompanyResponse::of, c -> c.id.toString());
    }

    @GET
    @Path("{companyId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "Get a company")
    @APIResponse(responseCode = "404", description = "No such company, or not one the caller may see")
    public CompanyResponse get(@PathParam("companyId") UUID companyId) {
        caller.requireCompany(companyId, "Company " + companyId);
        return CompanyResponse.of(companies.get(companyId));
    }

    @PUT
    @Path("{companyId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Change a company's name, default region or status")
    @APIResponse(responseCode = "404", description = "No such company, or not one the caller may see")
    @APIResponse(responseCode = "422", description = "The default region is not a known region")
    public CompanyResponse update(@PathParam("companyId") UUID companyId, @NotNull @Valid CompanyUpdate update) {
        caller.requireCompany(companyId, "Company " + companyId);
        if (update.active() != null && !caller.isPlatformAdmin()) {
            throw new io.quarkus.security.ForbiddenException("Only platform admins activate or suspend companies");
        }
        return CompanyResponse.of(companies.update(companyId, update.name(), update.defaultRegion(), update.active()));
    }

    @DELETE
    @Path("{companyId}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Delete a company, releasing its numbers and revoking its API keys")
    @APIResponse(responseCode = "404", description = "No such company, or not one the caller may see")
    public Response delete(@PathParam("companyId") UUID companyId) {
        companies.delete(companyId);
        return Response.noContent().build();
    }

}
