package io.callbook.booking.schedule.domain;

/**
 * A rule of schedules the request breaks (a staff member who cannot take the service, time off at another branch
 * ...), named so that a client can branch on it, e.g. "staff-inactive".
 */
public class ScheduleRuleBroken extends RuntimeException {

    private final String rule;
    private final String title;

    public ScheduleRuleBroken(String rule, String title, String detail) {
        super(detail, null, false, false);
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
