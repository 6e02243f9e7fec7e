package io.callbook.booking.customer.api;

import io.callbook.booking.customer.domain.CustomerErasure;
import io.callbook.booking.customer.domain.CustomerErasures;
import io.callbook.booking.customer.domain.CustomerErasures.Erasure;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/**
 * Erasure of a customer's personal data (GDPR Art. 17); {@link CustomerErasureReportResource} serves its report. A first erasure answers 202 (the other services
 * are still erasing their part; the report shows their counts once they have); repeating it answers 200 with the same
 * report.
 */
@Path("/v1/companies/{companyId}/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Personal data", description = "Erasure and export of a customer's personal data")
public class CustomerErasureResource {

    private static final String DEFAULT_REGION = "DE";

    private final CustomerErasures erasures;
    private final CallerContext caller;

    public CustomerErasureResource(CustomerErasures erasures, CallerContext caller) {
        this.erasures = erasures;
        this.caller = caller;
    }

    @DELETE
    @Path("{customerId}")
    @Operation(summary = "Erase a customer's personal data everywhere", description = "Deletes the customer; their "
            + "appointments stay for the business's records without the customer and without notes. webhook-service "
            + "anonymises the calls and stored provider payloads of the customer's number. 202 the first time, 200 "
            + "with the same report when repeated; the report's Location shows the other services' counts once done.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow")
    @APIResponse(responseCode = "200", description = "Erased before: the report of that erasure")
    @APIResponse(responseCode = "404", description = "Unknown customer (or another company's)")
    public Response erase(@PathParam("companyId") UUID companyId, @PathParam("customerId") UUID customerId) {
        caller.requireCompany(companyId, "Customer " + customerId);
        return answer(erasures.eraseCustomer(companyId, customerId, caller.subject()));
    }

    @DELETE
    @Operation(summary = "Erase the personal data of a phone number everywhere", description = "Like the erasure of a "
            + "customer, for the customer with this number if there is one; the calls of the number are anonymised "
            + "even when no customer has it. Each request is an erasure of its own.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow")
    @APIResponse(responseCode = "422", description = "The phone is not a phone number")
    public Response eraseByPhone(@PathParam("companyId") UUID companyId,
                                 @QueryParam("phone") @NotBlank @Size(max = 64) String phone,
                                 @QueryParam("region") @Pattern(regexp = "[A-Za-z]{2}") String region) {
        caller.requireCompany(companyId, "Company " + companyId);
        return answer(erasures.erasePhone(companyId, phone, region == null ? DEFAULT_REGION : region,
                caller.subject()));
    }

    private static Response answer(Erasure erasure) {
        CustomerErasure report = erasure.report();
        return Response.status(erasure.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(UriBuilder.fromPath("/v1/companies/{c}/customer-erasures/{e}")
                        .build(report.companyId, report.id))
                .entity(ErasureReport.of(report)).build();
    }

    /**
     * @param webhook null until webhook-service has reported
     */
    public record ErasureReport(UUID id, UUID companyId, UUID customerId, Instant requestedAt, String requestedBy,
                                boolean complete, Booking booking, Webhook webhook) {

        public record Booking(int customersDeleted, int appointmentsAnonymised) {
        }

        public record Webhook(int callsAnonymised, int inboundEventsAnonymised, Instant completedAt) {
        }

        static ErasureReport of(CustomerErasure e) {
            Webhook webhook = e.webhookCompletedAt == null ? null
                    : new Webhook(e.callsAnonymised, e.inboundEventsAnonymised, e.webhookCompletedAt);
            return new ErasureReport(e.id, e.companyId, e.customerId, e.requestedAt, e.requestedBy, webhook != null,
                    new Booking(e.customersDeleted, e.appointmentsAnonymised), webhook);
        }
    }
}
