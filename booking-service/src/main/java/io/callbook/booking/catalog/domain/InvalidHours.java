package io.callbook.booking.catalog.domain;

/** Working hours that cannot be: an interval that ends before it starts, overlapping work, a break outside work. */
public class InvalidHours extends RuntimeException {

    private final String detail;

    public InvalidHours(String detail) {
        super(detail, null, false, false);
        this.detail = detail;
    }

    /** What is wrong, naming the day and times. */
    public String detail() {
        return detail;
    }
}
