package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.RequestTimeline.Request;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FaultWindowsTest {

    private static final long S = 1_000_000_000L;

    private static Request ok(long start, long end, String key) {
        return new Request("call_started ack", start * S, end * S, true, key);
    }

    private static Request failed(long start, long end) {
        return new Request("call_started ack", start * S, end * S, false, null);
    }

    @Test
    void aFaultsWindowRunsUntilTheNextFaultAndRecoveryIsTheFirstSuccessAfterIt() {
        List<FaultInjector.Injected> faults = List.of(
                new FaultInjector.Injected(Fault.REDIS, "SIGSTOP redis 5s", 10 * S, 15 * S, 0),
                new FaultInjector.Injected(Fault.KAFKA, "SIGSTOP kafka 5s", 30 * S, 35 * S, 0));
        List<Request> requests = List.of(
                ok(1, 2, "a"), ok(5, 6, "b"),                            // baseline
                failed(11, 14), ok(12, 16, "c"), failed(16, 18),         // redis: two failures, the last after the resume
                ok(17, 19, "d"), ok(20, 21, "e"),                        // the first success sent after it ends at 19
                ok(31, 36, "f"), ok(36, 37, "g"), ok(40, 41, "h"));      // kafka: slow, no failure
        Map<String, FaultWindows.Fate> fates = Map.of("c", FaultWindows.Fate.LOST, "f", FaultWindows.Fate.DUPLICATED);

        List<FaultWindows.Row> rows = FaultWindows.rows(requests, faults, 0, 45 * S, fates);

        assertEquals(3, rows.size());
        FaultWindows.Row baseline = rows.get(0);
        assertEquals(FaultWindows.BASELINE, baseline.label());
        assertEquals(2, baseline.during());
        assertEquals(0, baseline.errors());
        assertEquals(Duration.ofSeconds(10), baseline.length(), "until the first fault");

        FaultWindows.Row redis = rows.get(1);
        assertEquals(2, redis.during(), "started between 10 s and 15 s");
        assertEquals(2, redis.errors(), "also the failure after the resume");
        assertEquals(Duration.ofSeconds(5), redis.length());
        assertEquals(Duration.ofSeconds(4), redis.recovery(), "from the resume at 15 s to the success ending at 19 s");
        assertEquals(1, redis.lost());
        assertEquals(List.of("c"), redis.lostKeys());

        FaultWindows.Row kafka = rows.get(2);
        assertEquals(1, kafka.during());
        assertEquals(0, kafka.errors());
        assertEquals(Duration.ofSeconds(2), kafka.recovery(), "the first request started after the resume ended at 37 s");
        assertEquals(1, kafka.duplicated());
    }

    @Test
    void recoveryWaitsForEveryKindOfRequestThatFailed() {
        List<FaultInjector.Injected> faults = List.of(new FaultInjector.Injected(Fault.KILL, "kill -9 booking + restart",
                10 * S, 20 * S, 4711));
        List<Request> requests = List.of(
                new Request("check_availability", 12 * S, 13 * S, false, null),
                new Request("call_started ack", 21 * S, 22 * S, true, "call-1:call_started"), // never failed
                new Request("check_availability", 22 * S, 23 * S, false, null),
                new Request("check_availability", 25 * S, 26 * S, true, null));

        FaultWindows.Row row = FaultWindows.rows(requests, faults, 0, 30 * S, Map.of()).get(1);

        assertEquals(Duration.ofSeconds(6), row.recovery(), "until check_availability answered again");
        assertEquals(2, row.errors());
    }

    @Test
    void aFaultAfterWhichNothingSucceedsHasNoRecovery() {
        List<FaultInjector.Injected> faults = List.of(new FaultInjector.Injected(Fault.KILL, "kill -9 webhook + restart",
                10 * S, 20 * S, 4711));
        List<FaultWindows.Row> rows = FaultWindows.rows(List.of(ok(1, 2, null), failed(11, 12), failed(21, 22)), faults,
                0, 25 * S, Map.of());

        assertNull(rows.get(1).recovery());
        assertEquals(2, rows.get(1).errors());
    }
}
