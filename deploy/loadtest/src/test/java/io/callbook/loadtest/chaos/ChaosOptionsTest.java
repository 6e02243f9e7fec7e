package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.SuiteService;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChaosOptionsTest {

    private static final Path RESULTS = Path.of("target/bench/t");

    @Test
    void byDefaultEveryFaultAtAModerateRate() {
        ChaosOptions chaos = ChaosOptions.parse(List.of(), RESULTS);
        assertEquals(List.of(Fault.values()), chaos.faults());
        assertEquals(Duration.ofSeconds(30), chaos.pause());
        assertEquals(SuiteService.WEBHOOK, chaos.killService());
        assertTrue(chaos.targetsLocalSuite());
        assertTrue(chaos.pace().plannedRate() < 100, "a moderate rate: " + chaos.pace().plannedRate());
    }

    @Test
    void faultsAndTheirTimesComeFromTheCommandLine() {
        ChaosOptions chaos = ChaosOptions.parse(List.of("--faults", "redis,kill", "--kill", "booking", "--pause", "5s",
                "--gap", "10s", "--booking-url", "http://127.0.0.1:18082", "--no-docs"), RESULTS);
        assertEquals(List.of(Fault.KILL, Fault.REDIS), chaos.faults(), "in the order they are done");
        assertEquals(SuiteService.BOOKING, chaos.killService());
        assertEquals("http://127.0.0.1:18082", chaos.killUrl());
        // 10 s lead-in, the kill's estimated restart and 5 s of redis, 10 s of calm after each
        assertEquals(Duration.ofSeconds(10 + 30 + 10 + 5 + 10), chaos.plannedLoad());
        assertEquals(chaos.plannedLoad(), chaos.common().duration());
        assertTrue(!chaos.common().writeDocs());
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChaosOptions.parse(List.of("--faults", "disk"), RESULTS));
        assertThrows(IllegalArgumentException.class, () -> ChaosOptions.parse(List.of("--kill", "perf-ops"), RESULTS));
        assertThrows(IllegalArgumentException.class, () -> ChaosOptions.parse(List.of("--pause", "0"), RESULTS));
        assertTrue(ChaosOptions.USAGE.contains("--pause"));
    }
}
