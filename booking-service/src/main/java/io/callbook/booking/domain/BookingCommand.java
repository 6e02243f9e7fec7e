package io.callbook.booking.domain;

import io.callbook.booking.domain.BookingInput.CustomerInput;
import io.callbook.common.security.Hashes;

import java.time.Instant;
import java.util.UUID;

/** A parsed booking request: every value has its type, optional ones are null. */
public record BookingCommand(UUID branchId, UUID serviceId, UUID staffId, Instant start, UUID customerId,
                             CustomerInput customer, String notes, AppointmentSource source, String externalRef,
                             boolean hold, boolean confirm) {

    public AppointmentStatus initialStatus() {
        if (hold) {
            return AppointmentStatus.HELD;
        }
        return confirm ? AppointmentStatus.CONFIRMED : AppointmentStatus.PENDING;
    }

    /**
     * SHA-256 of the request in canonical form, stored with the Idempotency-Key: a retry must mean the same booking,
     * however its JSON was spelt (field order, offset of the start time, whitespace around values). Each value is
     * length-prefixed so that no two different requests can encode alike.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder("booking/v1");
        for (Object value : new Object[]{branchId, serviceId, staffId, start, customerId,
                customer == null ? null : customer.phone(), customer == null ? null : customer.name(),
                customer == null ? null : BookingInput.lower(customer.email()), notes, source.dbValue(), externalRef,
                hold, confirm}) {
            String text = value == null ? "" : value.toString();
            canonical.append('|').append(value == null ? -1 : text.length()).append(':').append(text);
        }
        return Hashes.sha256Hex(canonical.toString());
    }
}
