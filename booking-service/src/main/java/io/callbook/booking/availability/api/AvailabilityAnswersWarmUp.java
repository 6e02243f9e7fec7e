package io.callbook.booking.availability.api;

import io.callbook.booking.availability.domain.AvailabilityQuery;
import io.callbook.booking.availability.domain.AvailabilityWarmUp;
import io.callbook.booking.availability.domain.WarmUpDays;
import io.callbook.common.warmup.WarmUpTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Asks for availability before this service takes traffic, as the endpoint does for a caller: one day of one bookable
 * service at one active branch per pass, going through every branch service and then the next day, up to 14 days
 * ahead. Days already in the cache are read, the others computed: both paths (and the answer's JSON) are compiled by
 * the time callers arrive. The answers are kept as the voice agents ask for them, without each slot's staff (a caller
 * is on the line). Only reads.
 */
@ApplicationScoped
public class AvailabilityAnswersWarmUp implements WarmUpTask {

    private final AvailabilityAnswers answers;
    private final WarmUpDays days;

    public AvailabilityAnswersWarmUp(AvailabilityAnswers answers, AvailabilityWarmUp availability) {
        this.answers = answers;
        this.days = new WarmUpDays(availability::branchServices, 0);
    }

    @Override
    public String name() {
        return "availability";
    }

    @Override
    @ActivateRequestContext
    public boolean pass() {
        Optional<WarmUpDays.Day> next = days.next();
        if (next.isEmpty()) {
            return false;
        }
        LocalDate date = next.get().date();
        answers.answer(next.get().target().branch().id, new AvailabilityQuery(next.get().target().serviceId(), date, date,
                null, null), false, company -> true).toCompletableFuture().join();
        return true;
    }
}
