package io.callbook.booking.customer.domain;

/** Two items of an import have the same email. */
public class DuplicateEmail extends RuntimeException {

    private final String email;
    private final int earlierItem;

    public DuplicateEmail(String email, int earlierItem) {
        super(email + " is item " + earlierItem + " already", null, false, false);
        this.email = email;
        this.earlierItem = earlierItem;
    }

    public String email() {
        return email;
    }

    public int earlierItem() {
        return earlierItem;
    }
}
