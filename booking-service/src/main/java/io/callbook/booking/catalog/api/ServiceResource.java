package io.callbook.booking.catalog.api;

import io.callbook.booking.catalog.api.CatalogDtos.ServiceRequest;
import io.callbook.booking.catalog.api.CatalogDtos.ServiceResponse;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.ServiceCatalog;
import io.callbook.common.api.Page;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
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

@Path("/v1/companies/{companyId}/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Services", description = "What a company sells by the slot: duration, buffers, interval, notice, window")
public class ServiceResource {

    private final ServiceCatalog services;
    private final CallerContext caller;

    public ServiceResource(ServiceCatalog services, CallerContext caller) {
        this.services = services;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Create a bookable service")
    @APIResponse(responseCode = "422", description = "Price and currency not given together")
    public Response create(@PathParam("companyId") UUID companyId, @NotNull @Valid ServiceRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        BookableService service = services.create(companyId, request.spec());
        return Response.created(URI.create("/v1/companies/" + companyId + "/services/" + service.id))
                .entity(ServiceResponse.of(service)).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "List the company's services")
    public Page<ServiceResponse> list(@PathParam("companyId") UUID companyId, @QueryParam("after") UUID after,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        caller.requireCompany(companyId, "Company " + companyId);
        return Page.of(services.list(companyId, after, limit), limit, ServiceResponse::of, s -> s.id.toString());
    }

    @GET
    @Path("{serviceId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "Get one service")
    @APIResponse(responseCode = "404", description = "Unknown service (or another company's)")
    public ServiceResponse get(@PathParam("companyId") UUID companyId, @PathParam("serviceId") UUID serviceId) {
        caller.requireCompany(companyId, "Service " + serviceId);
        return ServiceResponse.of(services.get(companyId, serviceId));
    }

    @PUT
    @Path("{serviceId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Change a service")
    @APIResponse(responseCode = "404", description = "Unknown service (or another company's)")
    @APIResponse(responseCode = "422", description = "Price and currency not given together")
    public ServiceResponse update(@PathParam("companyId") UUID companyId, @PathParam("serviceId") UUID serviceId,
                                  @NotNull @Valid ServiceRequest request) {
        caller.requireCompany(companyId, "Service " + serviceId);
        return ServiceResponse.of(services.update(companyId, serviceId, request.spec()));
    }

    @DELETE
    @Path("{serviceId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @Operation(summary = "Remove a service")
    @APIResponse(responseCode = "404", description = "Unknown service (or another company's)")
    public Response delete(@PathParam("companyId") UUID companyId, @PathParam("serviceId") UUID serviceId) {
        caller.requireCompany(companyId, "Service " + serviceId);
        services.delete(companyId, serviceId);
        return Response.noContent().build();
    }
}
