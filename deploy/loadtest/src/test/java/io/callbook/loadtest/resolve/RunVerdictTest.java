package io.callbook.loadtest.resolve;

import io.callbook.loadtest.harness.ResponseStats;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.RunUsage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bench must not pass silently: which runs get flagged, and where the saturation search stops. */
class RunVerdictTest {

    @Test
    void flagsErrorsAndAShortfallInRate() {
        ResponseStats clean = new ResponseStats(60_000, 60_000, 0, 1, 2, 3, 10, 1);
        ResponseStats failing = new ResponseStats(60_000, 59_000, 1_000, 1, 2, 3, 10, 1);
        assertEquals(List.of(), run(2_000, clean, 30.0).flags());
        assertEquals(List.of("RATE<95%"), run(2_000, clean, 40.0).flags());
        assertEquals(List.of("ERRORS>1%"), run(2_000, failing, 29.5).flags());
        assertEquals(List.of(), run(0, clean, 60.0).flags()); // closed runs ask for no rate
    }

    @Test
    void saturationStopsAtTheFirstStepThatIsNotSustained() {
        SaturationSearch search = new SaturationSearch(1_000, 1_000, 10_000, 50);
        Map<Integer, Double> seconds = Map.of(1_000, 30.0, 2_000, 30.0, 3_000, 40.0);
        SaturationSearch.Outcome outcome = search.search(rate ->
                run(rate, new ResponseStats(rate * 30L, rate * 30L, 0, 1, 2, 3, 9, 1), seconds.get(rate)));
        assertEquals(3, outcome.steps().size());
        assertEquals(2_000, outcome.highestSustained().orElseThrow().askedRate());
    }

    private static RunResult run(int askedRate, ResponseStats stats, double seconds) {
        return new RunResult("open", "warm", askedRate, 0, stats, seconds, RunUsage.UNKNOWN, Path.of("report"));
    }
}
