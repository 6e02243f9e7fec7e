package io.callbook.booking.domain;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A booking request as the client sent it. Parsing lives here rather than in JSON binding so that a single booking
 * and every item of a batch get the same checks and the same messages, and a batch can list all failing items.
 *
 * @param staffId  null lets the service pick any free staff member who performs the service
 * @param confirm  false books as {@code pending} (the business confirms later); null or true books as {@code confirmed}
 */
public record BookingInput(UUID branchId, UUID serviceId, UUID staffId, String start, UUID customerId,
                           CustomerInput customer, String notes, String source, String externalRef, Boolean hold,
                           Boolean confirm) {

    static final int MAX_NOTES = 2000;
    static final int MAX_EXTERNAL_REF = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** A customer identified by phone; name and email are updated on the existing customer with that number. */
    public record CustomerInput(String phone, String name, String email) {
    }

    /** @throws ProblemException 400 naming the first field that is missing or malformed */
    public BookingCommand parse() {
        require(branchId, "branchId");
        require(serviceId, "serviceId");
        Instant startsAt = instant(start, "start");
        if (customerId != null && customer != null) {
            throw invalid("Give either customerId or customer, not both");
        }
        if (customer != null) {
            if (customer.phone() == null || customer.phone().isBlank()) {
                throw invalid("customer.phone is required when customer is given");
            }
            maxLength(customer.name(), 200, "customer.name");
            maxLength(customer.email(), 320, "customer.email");
            if (customer.email() != null && !customer.email().isBlank() && !EMAIL.matcher(customer.email().strip()).matches()) {
                throw invalid("customer.email is not an email address");
            }
        }
        maxLength(notes, MAX_NOTES, "notes");
        CustomerInput cleanCustomer = customer == null ? null
                : new CustomerInput(customer.phone().strip(), blankToNull(customer.name()), blankToNull(customer.email()));
        return new BookingCommand(branchId, serviceId, staffId, startsAt, customerId, cleanCustomer, blankToNull(notes),
                source(source), externalRef(externalRef), Boolean.TRUE.equals(hold), !Boolean.FALSE.equals(confirm));
    }

    /** Reads an ISO-8601 date-time that carries its offset: a bare local time would be ambiguous across zones. */
    public static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeException e) {
            throw invalid(field + " must be an ISO-8601 date-time with offset, e.g. 2026-05-04T10:00:00+02:00 (got '"
                    + abbreviate(value) + "')");
        }
    }

    /** @return the reference stripped, or null for none */
    public static String externalRef(String value) {
        maxLength(value, MAX_EXTERNAL_REF, "externalRef");
        return blankToNull(value);
    }

    public static AppointmentSource source(String value) {
        if (value == null || value.isBlank()) {
            return AppointmentSource.API;
        }
        try {
            return AppointmentSource.fromDb(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("source must be one of " + Arrays.stream(AppointmentSource.values())
                    .map(AppointmentSource::dbValue).collect(Collectors.joining(", ")) + " (got '" + abbreviate(value) + "')");
        }
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of(400, "invalid-request", "Invalid request", detail));
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
    }

    private static void maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw invalid(field + " must be at most " + max + " characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
