package io.callbook.booking.customer.api;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.customer.api.CustomerDtos.CustomerBatchRequest;
import io.callbook.booking.customer.api.CustomerDtos.CustomerBatchResponse;
import io.callbook.booking.customer.api.CustomerDtos.CustomerRequest;
import io.callbook.booking.customer.api.CustomerDtos.CustomerResponse;
import io.callbook.booking.customer.api.CustomerDtos.CustomerUpdate;
import io.callbook.booking.customer.domain.Customer;
import io.callbook.booking.customer.domain.CustomerBatchInvalid;
import io.callbook.booking.customer.domain.Customers;
import io.callbook.booking.customer.domain.Customers.NewCustomer;
import io.callbook.common.api.BatchItems;
import io.callbook.common.api.Page;
import io.callbook.common.api.Problem;
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
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/v1/companies/{companyId}/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "People who book, one per company and phone number; found by phone or email")
public class CustomerResource {

    private static final String DEFAULT_REGION = "DE";

    private final Customers customers;
    private final CallerContext caller;
    private final Validator validator;
    private final BookingConfig config;

    public CustomerResource(Customers customers, CallerContext caller, Validator validator, BookingConfig config) {
        this.customers = customers;
        this.caller = caller;
        this.validator = validator;
        this.config = config;
    }

    /** Creates the customer or updates the one with this phone number: callers need not look up first. */
    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "Create a customer, or update the one with this phone")
    @APIResponse(responseCode = "409", description = "Another customer of the company uses the email")
    @APIResponse(responseCode = "422", description = "The phone is not a phone number")
    public CustomerResponse upsert(@PathParam("companyId") UUID companyId, @NotNull @Valid CustomerRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        String region = request.region() == null ? DEFAULT_REGION : request.region();
        return CustomerResponse.of(customers.upsertByPhone(companyId, request.phone(), region, request.name(),
                request.email()));
    }

    @POST
    @Path("batch")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    @RateLimited("customer-import")
    @Operation(summary = "Import many customers at once, all or nothing", description = "Up to 500 items "
            + "(callbook.booking.max-import-batch-size), each like the body of a single create. Every item is checked "
            + "first (422 lists each failing index, e.g. a phone given twice). An import only creates: a phone or email "
            + "another customer of the company has answers 409 naming those indexes, and nothing is written.")
    @APIResponse(responseCode = "409", description = "Items whose phone or email another customer has, each listed "
            + "with its index")
    @APIResponse(responseCode = "422", description = "Empty or oversized batch, or invalid items, each listed with "
            + "its index")
    public Response importBatch(@PathParam("companyId") UUID companyId, CustomerBatchRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        BatchItems<NewCustomer> items = BatchItems.checkBody(request == null ? null : request.items(),
                config.maxImportBatchSize(), "customers", validator, item -> new NewCustomer(item.phone(),
                        item.region() == null ? DEFAULT_REGION : item.region(), item.name(), item.email()));
        List<Customer> created;
        try {
            created = customers.importBatch(companyId, items);
        } catch (CustomerBatchInvalid e) {
            // One answer lists what this resource and the import found wrong, so a client fixes every item at once.
            items.throwWith(e.failures(), CustomerExceptionMappers::problem);
            throw e;
        }
        return Response.status(Response.Status.CREATED)
                .entity(new CustomerBatchResponse(created.stream().map(CustomerResponse::of).toList())).build();
    }

    /**
     * With {@code phone} or {@code email}: the matching customer (or none); without: every customer, page by page.
     * The voice agent ({@code agent} without an admin role) looks up the one caller by phone and is told no e-mail
     * address: listing customers or searching them by e-mail is for the tenant's admins.
     */
    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @RateLimited("customer-lookup")
    @Operation(summary = "Find a customer by phone or email, or list them all",
            description = "The `agent` role may only look up by phone, and its answer has no email; listing and "
                    + "looking up by email answer it 403.")
    @APIResponse(responseCode = "403", description = "An agent listed customers or looked one up by email")
    @APIResponse(responseCode = "422", description = "The phone is not a phone number")
    public Page<CustomerResponse> find(@PathParam("companyId") UUID companyId, @QueryParam("phone") String phone,
                                       @QueryParam("email") String email,
                                       @QueryParam("region") @Pattern(regexp = "[A-Za-z]{2}") String region,
                                       @QueryParam("after") UUID after,
                                       @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                       @Context SecurityContext security) {
        caller.requireCompany(companyId, "Company " + companyId);
        boolean agentOnly = !security.isUserInRole(Roles.TENANT_ADMIN) && !security.isUserInRole(Roles.PLATFORM_ADMIN);
        if (agentOnly && phone == null) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "The agent role looks up one customer by phone; listing and searching by email need an admin"));
        }
        if (phone != null && email != null) {
            throw ProblemException.badRequest("Look up by phone or by email, not both");
        }
        if (phone != null || email != null) {
            Optional<Customer> match = phone != null
                    ? customers.byPhone(companyId, phone, region == null ? DEFAULT_REGION : region)
                    : customers.byEmail(companyId, email);
            return new Page<>(match.map(CustomerResponse::of).map(c -> agentOnly ? withoutEmail(c) : c)
                    .map(List::of).orElse(List.of()), null);
        }
        return Page.of(customers.list(companyId, after, limit), limit, CustomerResponse::of, c -> c.id.toString());
    }

    private static CustomerResponse withoutEmail(CustomerResponse c) {
        return new CustomerResponse(c.id(), c.companyId(), c.phone(), c.name(), null, c.createdAt(), c.updatedAt());
    }

    @GET
    @Path("{customerId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "Get one customer")
    @APIResponse(responseCode = "404", description = "Unknown customer (or another company's)")
    public CustomerResponse get(@PathParam("companyId") UUID companyId, @PathParam("customerId") UUID customerId) {
        caller.requireCompany(companyId, "Customer " + customerId);
        return CustomerResponse.of(customers.get(companyId, customerId));
    }

    @PUT
    @Path("{customerId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.AGENT})
    @Operation(summary = "Change a customer's name or email")
    @APIResponse(responseCode = "404", description = "Unknown customer (or another company's)")
    @APIResponse(responseCode = "409", description = "Another customer of the company uses the email")
    public CustomerResponse update(@PathParam("companyId") UUID companyId, @PathParam("customerId") UUID customerId,
                                   @NotNull @Valid CustomerUpdate update) {
        caller.requireCompany(companyId, "Customer " + customerId);
        return CustomerResponse.of(customers.update(companyId, customerId, update.name(), update.email()));
    }
}
