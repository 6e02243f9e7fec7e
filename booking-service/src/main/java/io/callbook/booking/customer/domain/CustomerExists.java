package io.callbook.booking.customer.domain;

import java.util.UUID;

/** An import item's phone or email belongs to a customer the company has; an import only creates. */
public class CustomerExists extends RuntimeException {

    private final UUID existing;
    private final String phoneOrEmail;

    /** @param existing the customer with that phone, or null when another request created it during the import */
    public CustomerExists(UUID existing, String phoneOrEmail) {
        super("A customer with " + phoneOrEmail + " exists", null, false, false);
        this.existing = existing;
        this.phoneOrEmail = phoneOrEmail;
    }

    /** The customer with this phone; null when a concurrent request created it, so its id was not read. */
    public UUID existing() {
        return existing;
    }

    public String phoneOrEmail() {
        return phoneOrEmail;
    }
}
