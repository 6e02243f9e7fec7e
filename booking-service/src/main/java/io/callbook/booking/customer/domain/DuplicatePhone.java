package io.callbook.booking.customer.domain;

/** Two items of an import have the same phone number. */
public class DuplicatePhone extends RuntimeException {

    private final String e164;
    private final int earlierItem;

    public DuplicatePhone(String e164, int earlierItem) {
        super(e164 + " is item " + earlierItem + " already", null, false, false);
        this.e164 = e164;
        this.earlierItem = earlierItem;
    }

    public String e164() {
        return e164;
    }

    public int earlierItem() {
        return earlierItem;
    }
}
