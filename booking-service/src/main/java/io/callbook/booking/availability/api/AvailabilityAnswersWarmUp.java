package io.callbook.booking.availability.api;

import io.callbook.booking.availability.domain.AvailabilityQuery;
import io.callbook.booking.availability.domain.AvailabilityWarmUp;
import io.callbook.common.warmup.WarmUpTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.time.LocalDate;
import java.util.List;

/**
 * Asks for availability before this service takes traffic, as the endpoint does for a caller: one day of one bookable
 * service at one active branch per pass, going through every branch service and then the next day, up to 14 days
 * ahead. The first days come from the cache the start-up filled, the later ones are computed: both paths (and the
 * answer's JSON) are compiled by the time callers arrive. Only reads.
 */
@ApplicationScoped
public class AvailabilityAnswersWarmUp implements WarmUpTask {

    private static final int DAYS = 14;

    private final AvailabilityAnswers answers;
    private final AvailabilityWarmUp availability;
    private List<AvailabilityWarmUp.BranchService> targets;
    private int passes;

    public AvailabilityAnswersWarmUp(AvailabilityAnswers answers, AvailabilityWarmUp availability) {
        this.answers = answers;
        this.availability = availability;
    }

    @Override
    public String name() {
        return "availability";
    }

    @Override
    @ActivateRequestContext
    public boolean pass() {
        if (targets == null) {
            targets = availability.branchServices();
        }
        if (targets.isEmpty()) {
            return false;
        }
        AvailabilityWarmUp.BranchService target = targets.get(passes % targets.size());
        LocalDate day = LocalDate.now(target.branch().zone()).plusDays((passes / targets.size()) % DAYS);
        answers.answer(target.branch().id, new AvailabilityQuery(target.serviceId(), day, day, null, null), company -> true)
                .toCompletableFuture().join();
        passes++;
        return true;
    }
}
