package io.callbook.booking.customer.api;

import io.callbook.booking.customer.api.CustomerErasureResource.ErasureReport;
import io.callbook.booking.customer.domain.CustomerErasures;
import io.callbook.common.api.ProblemException;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The report of a customer erasure: booking-service's counts at once, the other services' once they have reported. */
@Path("/v1/companies/{companyId}/customer-erasures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Personal data", description = "Erasure and export of a customer's personal data")
public class CustomerErasureReportResource {

    private final CustomerErasures erasures;
    private final CallerContext caller;

    public CustomerErasureReportResource(CustomerErasures erasures, CallerContext caller) {
        this.erasures = erasures;
        this.caller = caller;
    }

    @GET
    @Path("{erasureId}")
    @Operation(summary = "The report of an erasure")
    @APIResponse(responseCode = "404", description = "Unknown erasure (or another company's)")
    public ErasureReport report(@PathParam("companyId") UUID companyId, @PathParam("erasureId") UUID erasureId) {
        caller.requireCompany(companyId, "Erasure " + erasureId);
        return erasures.get(companyId, erasureId).map(ErasureReport::of)
                .orElseThrow(() -> ProblemException.notFound("Erasure " + erasureId));
    }
}
