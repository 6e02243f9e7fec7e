package io.callbook.booking.customer.api;

import io.callbook.booking.customer.domain.CustomerBatchConflict;
import io.callbook.booking.customer.domain.CustomerExists;
import io.callbook.booking.customer.domain.CustomerNotFound;
import io.callbook.booking.customer.domain.DuplicateEmail;
import io.callbook.booking.customer.domain.DuplicatePhone;
import io.callbook.booking.customer.domain.EmailTaken;
import io.callbook.common.api.BatchProblems;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.api.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.SortedMap;
import java.util.TreeMap;

/** The errors of the customer API, also where bookings reach them. */
public class CustomerExceptionMappers {

    @ServerExceptionMapper
    public Response notFound(CustomerNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.notFound("Customer " + e.customerId()).problem(), request);
    }

    @ServerExceptionMapper
    public Response emailTaken(EmailTaken e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.conflict("Another customer of this company already uses the email "
                + e.email()).problem(), request);
    }

    @ServerExceptionMapper
    public Response batchConflict(CustomerBatchConflict e, HttpServerRequest request) {
        SortedMap<Integer, Problem> conflicts = new TreeMap<>();
        e.conflicts().forEach((index, conflict) -> conflicts.put(index, problem(conflict)));
        return ProblemResponses.of(BatchProblems.conflicts(conflicts).problem(), request);
    }

    /**
     * The problem of one import item. An email taken has its own type here and names the customer who has it, unlike
     * the 409 of a single update.
     *
     * @param failure a customer domain error, or a {@link ProblemException} from common (e.g. an invalid number)
     */
    static Problem problem(RuntimeException failure) {
        return switch (failure) {
            case ProblemException e -> e.problem();
            case DuplicatePhone e -> Problem.of(422, "duplicate-phone", "Phone given twice",
                    e.e164() + " is item " + e.earlierItem() + " already");
            case DuplicateEmail e -> Problem.of(422, "duplicate-email", "Email given twice",
                    e.email() + " is item " + e.earlierItem() + " already");
            case CustomerExists e -> Problem.of(409, "customer-exists", "Customer exists", e.existing() == null
                    ? "Another request created a customer with " + e.phoneOrEmail() + " a moment ago"
                    : "Customer " + e.existing() + " has the phone " + e.phoneOrEmail() + " already");
            case EmailTaken e -> Problem.of(409, "email-taken", "Email taken",
                    "Customer " + e.owner() + " uses the email " + e.email() + " already");
            default -> throw new IllegalArgumentException("Not a client error: " + failure, failure);
        };
    }
}
