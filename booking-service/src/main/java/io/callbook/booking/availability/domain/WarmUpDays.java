package io.callbook.booking.availability.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What each pass of a start-up warm-up asks for: every bookable service of every active branch in turn, then the same
 * again one day later, up to 14 days ahead, starting {@code firstDay} days from today in the branch's zone. The
 * branch services are read on the first pass, on the warm-up's thread.
 */
public final class WarmUpDays {

    private static final int DAYS = 14;

    private final Supplier<List<AvailabilityWarmUp.BranchService>> branchServices;
    private final int firstDay;
    private List<AvailabilityWarmUp.BranchService> targets;
    private int passes;

    public WarmUpDays(Supplier<List<AvailabilityWarmUp.BranchService>> branchServices, int firstDay) {
        this.branchServices = branchServices;
        this.firstDay = firstDay;
    }

    /** One day of one branch service. */
    public record Day(AvailabilityWarmUp.BranchService target, LocalDate date) {
    }

    /** @return empty when there is no active branch with a bookable service */
    public Optional<Day> next() {
        if (targets == null) {
            targets = branchServices.get();
        }
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        AvailabilityWarmUp.BranchService target = targets.get(passes % targets.size());
        LocalDate date = LocalDate.now(target.branch().zone()).plusDays(firstDay + (passes / targets.size()) % DAYS);
        passes++;
        return Optional.of(new Day(target, date));
    }
}
