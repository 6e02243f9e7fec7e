package io.callbook.loadtest.resolve;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LookupFeederTest {

    private static final int SAMPLES = 200_000;

    @Test
    void trafficHasTheAdvertisedShape() {
        SeedPlan plan = SeedPlan.BENCH;
        List<SeededNumber> seeded = new ArrayList<>();
        for (int company = 0; company < plan.companies(); company++) {
            for (int branch = 0; branch < plan.branchesPerCompany(); branch++) {
                for (int number = 0; number < plan.numbersPerBranch(); number++) {
                    seeded.add(new SeededNumber(plan.e164(company, branch, number), plan.national(company, branch, number), "c" + company));
                }
            }
        }
        LookupFeeder feeder = new LookupFeeder(seeded, LookupMix.DEFAULT);
        Set<String> hot = new HashSet<>();
        feeder.hotNumbers().forEach(n -> hot.add(n.e164()));
        Map<Integer, Integer> byStatus = new HashMap<>();
        int known = 0;
        int hotHits = 0;
        int national = 0;
        for (int i = 0; i < SAMPLES; i++) {
            Map<String, Object> lookup = feeder.next();
            int status = (Integer) lookup.get(LookupFeeder.EXPECTED_STATUS);
            byStatus.merge(status, 1, Integer::sum);
            @SuppressWarnings("unchecked")
            Map<String, Object> query = (Map<String, Object>) lookup.get(LookupFeeder.QUERY);
            if (status == 200) {
                known++;
                String number = (String) query.get("number");
                if (query.containsKey("region")) {
                    national++;
                    number = "+4930" + number.substring("030 ".length());
                }
                if (hot.contains(number)) {
                    hotHits++;
                }
            }
        }
        assertEquals(800, hot.size());
        assertShare(0.03, byStatus.get(422), SAMPLES);
        assertShare(0.05, byStatus.get(404), SAMPLES);
        assertShare(0.80, hotHits, known);
        assertShare(0.20, national, known);
    }

    @Test
    void theSamePlanYieldsTheSameValidLookingNumbers() {
        SeedPlan plan = new SeedPlan(2, 2, 3);
        assertEquals("+49305000000", plan.e164(0, 0, 0));
        assertEquals("+49305000011", plan.e164(1, 1, 2));
        assertEquals("030 5000011", plan.national(1, 1, 2));
        assertEquals(12, plan.totalNumbers());
    }

    private static void assertShare(double expected, int count, int of) {
        double share = count / (double) of;
        assertTrue(Math.abs(share - expected) < 0.01, "share " + share + ", expected " + expected);
    }
}
