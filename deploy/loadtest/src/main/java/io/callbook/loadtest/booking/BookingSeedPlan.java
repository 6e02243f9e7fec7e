package io.callbook.loadtest.booking;

/**
 * How much catalog the booking bench needs: one company with branches, services every staff member performs, and
 * staff per branch. Names are fixed, so a re-run finds what an earlier one created.
 */
public record BookingSeedPlan(int branches, int services, int staffPerBranch) {

    /** 5 branches × 10 services × 20 staff: a mid-sized chain; 5 000 (branch, service, week) combinations in 100 weeks. */
    public static final BookingSeedPlan BENCH = new BookingSeedPlan(5, 10, 20);

    public static final String COMPANY_NAME = "Loadtest Booking";

    public BookingSeedPlan {
        if (branches < 1 || services < 1 || staffPerBranch < 1) {
            throw new IllegalArgumentException("A booking seed plan needs at least one branch, service and staff member: " + this);
        }
    }

    public String branchName(int branch) {
        return "Branch " + (branch + 1);
    }

    public String serviceName(int service) {
        return "Service " + (service + 1);
    }

    public String staffName(int branch, int member) {
        return "Staff " + (branch + 1) + "-" + (member + 1);
    }
}
