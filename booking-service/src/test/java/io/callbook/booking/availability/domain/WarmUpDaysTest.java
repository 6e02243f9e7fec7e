package io.callbook.booking.availability.domain;

import io.callbook.booking.branch.domain.BranchReplica;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmUpDaysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void everyBranchServiceInTurnThenTheNextDayUpToTwoWeeksAhead() {
        AvailabilityWarmUp.BranchService haircut = branchService();
        AvailabilityWarmUp.BranchService colour = branchService();
        WarmUpDays days = new WarmUpDays(() -> List.of(haircut, colour), 1);
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);

        List<WarmUpDays.Day> asked = new ArrayList<>();
        for (int pass = 0; pass < 30; pass++) {
            asked.add(days.next().orElseThrow());
        }

        assertEquals(new WarmUpDays.Day(haircut, tomorrow), asked.get(0));
        assertEquals(new WarmUpDays.Day(colour, tomorrow), asked.get(1));
        assertEquals(new WarmUpDays.Day(haircut, tomorrow.plusDays(1)), asked.get(2));
        assertEquals(new WarmUpDays.Day(colour, tomorrow.plusDays(13)), asked.get(27));
        assertEquals(new WarmUpDays.Day(haircut, tomorrow), asked.get(28), "after two weeks, tomorrow again");
    }

    @Test
    void withoutBranchServicesThereIsNothingToAsk() {
        assertTrue(new WarmUpDays(List::of, 0).next().isEmpty());
    }

    private static AvailabilityWarmUp.BranchService branchService() {
        BranchReplica branch = new BranchReplica();
        branch.id = UUID.randomUUID();
        branch.timeZone = BERLIN.getId();
        return new AvailabilityWarmUp.BranchService(branch, UUID.randomUUID());
    }
}
