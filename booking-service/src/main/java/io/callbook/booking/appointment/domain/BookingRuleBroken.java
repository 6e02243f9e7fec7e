package io.callbook.booking.appointment.domain;

/**
 * A booking rule the request breaks (notice, booking window, working hours, who performs the service ...), named so
 * that a client can branch on it, e.g. "notice-too-short".
 */
public class BookingRuleBroken extends AppointmentRefused {

    private final String rule;
    private final String title;

    public BookingRuleBroken(String rule, String title, String detail) {
        super(detail);
        this.rule = rule;
        this.title = title;
    }

    public String rule() {
        return rule;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
