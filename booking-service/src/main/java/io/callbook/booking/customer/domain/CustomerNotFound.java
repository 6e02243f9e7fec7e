package io.callbook.booking.customer.domain;

import java.util.UUID;

/** The customer does not exist, or not for this company. */
public class CustomerNotFound extends RuntimeException {

    private final UUID customerId;

    public CustomerNotFound(UUID customerId) {
        super("Customer " + customerId + " not found", null, false, false);
        this.customerId = customerId;
    }

    public UUID customerId() {
        return customerId;
    }
}
