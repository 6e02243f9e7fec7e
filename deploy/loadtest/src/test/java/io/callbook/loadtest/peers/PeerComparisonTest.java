package io.callbook.loadtest.peers;

import io.callbook.loadtest.harness.NamedUsage;
import io.callbook.loadtest.harness.ProcessUsage;
import io.callbook.loadtest.harness.ResponseStats;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.RunUsage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PeerComparisonTest {

    private static final long TWENTY_SECONDS = 20_000_000_000L;

    @Test
    void oursAgainstEachPeerInThroughputAndCpuPerLookup() {
        // ours: 40 000 lookups on 8 s of CPU (0.2 ms each); php: 20 000 on 10 s (0.5 ms); static: 80 000 on 2 s (0.025 ms)
        Map<Peer, RunResult> results = Map.of(
                Peer.OURS, run(40_000, part("resolver", 800)),
                Peer.PHP, run(20_000, part("nginx", 200), part("php-fpm", 700), part("peer redis", 100)),
                Peer.STATIC, run(80_000, part("nginx", 200)));

        List<String> notes = PeerComparison.notes(results);

        assertEquals(List.of(
                "Ours ÷ PHP peer: 2.00× the throughput (2000 vs 1000 lookups/s), 0.40× the server CPU per lookup (0.200 vs 0.500 ms).",
                "Ours ÷ static peer: 0.50× the throughput (2000 vs 4000 lookups/s), 8.00× the server CPU per lookup (0.200 vs 0.025 ms).",
                "PHP peer's server side: nginx 10 % (0.100 ms/lookup), php-fpm 35 % (0.350 ms/lookup), peer redis 5 % (0.050 ms/lookup)."),
                notes);
    }

    @Test
    void withoutOursThereIsNothingToCompare() {
        assertEquals(List.of(), PeerComparison.notes(Map.of(Peer.STATIC, run(80_000, part("nginx", 200)))));
    }

    private static NamedUsage part(String name, long ticks) {
        return new NamedUsage(name, ProcessUsage.of(ticks, 100, TWENTY_SECONDS, 10 * 1024), false);
    }

    private static RunResult run(long ok, NamedUsage... parts) {
        ProcessUsage server = List.of(parts).stream().map(NamedUsage::usage).reduce(ProcessUsage::plus).orElseThrow();
        RunUsage usage = new RunUsage(server, List.of(parts), List.of(), ProcessUsage.UNKNOWN, ProcessUsage.UNKNOWN);
        return new RunResult("peer", "", 0, 100, new ResponseStats(ok, ok, 0, 1, 2, 3, 9, 1), 20, usage, Path.of("report"));
    }
}
