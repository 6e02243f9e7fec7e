package io.callbook.common.contracts.booking;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's personal data was erased in booking-service; every service holding data about that person erases its
 * own (webhook-service: the call log and the stored provider payloads). Published on {@link BookingEvents#TOPIC},
 * keyed by the erasure id. The event itself names nobody: the phone number travels only as its SHA-256, so neither the
 * topic nor a tenant's webhook delivery of it holds the number again.
 */
public final class CustomerErasureEvents {

    public static final String CUSTOMER_ERASED = "io.callbook.booking.customer.erased";

    private CustomerErasureEvents() {
    }

    /**
     * @param customerId     null when erased by a phone number booking-service had no customer for
     * @param phoneSha256    lowercase hex SHA-256 of the E.164 number (UTF-8)
     * @param appointmentIds the customer's appointments, which lost their personal data
     * @param externalRefs   those appointments' external references (a voice call's id, a calendar booking's uid), so
     *                       the calls and provider payloads about them are found even from another number
     */
    @RegisterForReflection
    public record CustomerErased(UUID erasureId, UUID companyId, UUID customerId, String phoneSha256,
                                 List<UUID> appointmentIds, List<String> externalRefs, Instant requestedAt) {
    }
}
