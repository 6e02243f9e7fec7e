package io.callbook.booking.customer.domain;

/** Another customer of the company has this email already; an email names one customer. */
public class EmailTaken extends RuntimeException {

    private final String email;

    public EmailTaken(String email) {
        super("Email " + email + " taken", null, false, false);
        this.email = email;
    }

    public String email() {
        return email;
    }
}
