package io.callbook.booking.appointment.domain;

import io.callbook.common.security.Hashes;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.callbook.booking.appointment.domain.RequestValues.blankToNull;
import static io.callbook.booking.appointment.domain.RequestValues.invalid;
import static io.callbook.booking.appointment.domain.RequestValues.maxLength;

/**
 * The command to book one appointment, every value typed and checked ({@link #parse}); what the database still has to
 * decide is left to {@link BookAppointmentHandler}.
 *
 * @param staffId    null lets the service pick any free staff member who performs the service
 * @param customerId an existing customer, or null
 * @param customer   a customer found or created by phone, or null
 * @param confirm    false books as {@code pending} (the business confirms later)
 */
public record BookAppointment(UUID branchId, UUID serviceId, UUID staffId, Instant start, UUID customerId,
                              Customer customer, String notes, AppointmentSource source, String externalRef, boolean hold,
                              boolean confirm) {

    static final int MAX_NOTES = 2000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** A customer identified by phone; name and email are updated on the existing customer with that number. */
    public record Customer(String phone, String name, String email) {
    }

    /**
     * Reads a booking as the client sent it; one place, so that a single booking and every item of a batch get the
     * same checks and the same messages.
     *
     * @param confirm null or true books as {@code confirmed}
     * @throws InvalidBookingValue naming the first field that is missing or malformed
     */
    public static BookAppointment parse(UUID branchId, UUID serviceId, UUID staffId, String start, UUID customerId,
                                        Customer customer, String notes, String source, String externalRef, Boolean hold,
                                        Boolean confirm) {
        require(branchId, "branchId");
        require(serviceId, "serviceId");
        Instant startsAt = RequestValues.instant(start, "start");
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
        Customer cleanCustomer = customer == null ? null
                : new Customer(customer.phone().strip(), blankToNull(customer.name()), blankToNull(customer.email()));
        return new BookAppointment(branchId, serviceId, staffId, startsAt, customerId, cleanCustomer, blankToNull(notes),
                RequestValues.source(source), RequestValues.externalRef(externalRef), Boolean.TRUE.equals(hold),
                !Boolean.FALSE.equals(confirm));
    }

    public AppointmentStatus initialStatus() {
        if (hold) {
            return AppointmentStatus.HELD;
        }
        return confirm ? AppointmentStatus.CONFIRMED : AppointmentStatus.PENDING;
    }

    /**
     * SHA-256 of the command in canonical form, stored with the Idempotency-Key: a retry must mean the same booking,
     * however its JSON was spelt (field order, offset of the start time, whitespace around values). Each value is
     * length-prefixed so that no two different requests can encode alike.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder("booking/v1");
        for (Object value : new Object[]{branchId, serviceId, staffId, start, customerId,
                customer == null ? null : customer.phone(), customer == null ? null : customer.name(),
                customer == null ? null : RequestValues.lower(customer.email()), notes, source.dbValue(), externalRef,
                hold, confirm}) {
            String text = value == null ? "" : value.toString();
            canonical.append('|').append(value == null ? -1 : text.length()).append(':').append(text);
        }
        return Hashes.sha256Hex(canonical.toString());
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
    }
}
