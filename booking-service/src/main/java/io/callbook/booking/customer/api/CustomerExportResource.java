package io.callbook.booking.customer.api;

import io.callbook.booking.customer.domain.CallHistory.CallRecord;
import io.callbook.booking.customer.domain.CallHistoryUnavailable;
import io.callbook.booking.customer.domain.CustomerExports;
import io.callbook.booking.customer.domain.CustomerExports.AppointmentRecord;
import io.callbook.booking.customer.domain.CustomerExports.Export;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One download with everything the suite holds about a customer (GDPR Art. 15). */
@Path("/v1/companies/{companyId}/customers/{customerId}/export")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Personal data", description = "Erasure and export of a customer's personal data")
public class CustomerExportResource {

    private final CustomerExports exports;
    private final CallerContext caller;

    public CustomerExportResource(CustomerExports exports, CallerContext caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Download a customer's data", description = "The customer record, their appointments and "
            + "the calls their number made (from webhook-service's call log), as one JSON document.")
    @APIResponse(responseCode = "404", description = "Unknown customer (or another company's)")
    @APIResponse(responseCode = "503", description = "The call log cannot be read right now; try again later")
    public Response export(@PathParam("companyId") UUID companyId, @PathParam("customerId") UUID customerId) {
        caller.requireCompany(companyId, "Customer " + customerId);
        Export export = exports.export(companyId, customerId);
        return Response.ok(CustomerExport.of(export))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + customerId + ".json\"")
                .build();
    }

    @ServerExceptionMapper
    public Response unavailable(CallHistoryUnavailable e, HttpServerRequest request) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, "call-log-unavailable",
                        "Call log unavailable", "The call log cannot be read right now; try the export again later"),
                request)).header(HttpHeaders.RETRY_AFTER, "30").build();
    }

    public record CustomerExport(Instant exportedAt, CustomerDtos.CustomerResponse customer,
                                 List<AppointmentRecord> appointments, List<CallRecord> calls) {
        static CustomerExport of(Export export) {
            return new CustomerExport(Instant.now(), CustomerDtos.CustomerResponse.of(export.customer()),
                    export.appointments(), export.calls());
        }
    }
}
