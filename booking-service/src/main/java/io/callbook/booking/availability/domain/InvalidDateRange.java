package io.callbook.booking.availability.domain;

/** The dates asked for are reversed, or more than one request may ask for. */
public class InvalidDateRange extends RuntimeException {

    private final Integer maxDays;

    /** @param maxDays the most days a request may ask for, when that is what was wrong; else null */
    public InvalidDateRange(String detail, Integer maxDays) {
        super(detail, null, false, false);
        this.maxDays = maxDays;
    }

    public String detail() {
        return getMessage();
    }

    public Integer maxDays() {
        return maxDays;
    }
}
