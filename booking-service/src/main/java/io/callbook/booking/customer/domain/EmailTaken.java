package io.callbook.booking.customer.domain;

import java.util.UUID;

/** Another customer of the company has this email already; an email names one customer. */
public class EmailTaken extends RuntimeException {

    private final String email;
    private final UUID owner;

    public EmailTaken(String email) {
        this(email, null);
    }

    /** @param owner the customer who has the email, when it was read */
    public EmailTaken(String email, UUID owner) {
        super("Email " + email + " taken", null, false, false);
        this.email = email;
        this.owner = owner;
    }

    public String email() {
        return email;
    }

    /** The customer who has the email; null when it was not read. */
    public UUID owner() {
        return owner;
    }
}
