package io.callbook.loadtest.peers;

import io.callbook.loadtest.harness.ResultTable;
import io.callbook.loadtest.harness.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Ours against the peers, for the notes: how many times their throughput, and their server CPU per lookup. */
final class PeerComparison {

    private PeerComparison() {
    }

    static List<String> notes(Map<Peer, RunResult> results) {
        List<String> notes = new ArrayList<>();
        RunResult ours = results.get(Peer.OURS);
        if (ours != null) {
            ratio(ours, results.get(Peer.PHP), "PHP peer").ifPresent(notes::add);
            ratio(ours, results.get(Peer.STATIC), "static peer").ifPresent(notes::add);
        }
        RunResult php = results.get(Peer.PHP);
        if (php != null && php.usage().parts().size() > 1) {
            notes.add("PHP peer's server side: " + php.usage().parts().stream()
                    .map(part -> String.format(Locale.ROOT, "%s %.0f %% (%s ms/lookup)", part.name(), part.usage().cpuPercent(),
                            ResultTable.millisPerOperation(part.usage().cpuMillisPer(php.stats().ok()))))
                    .collect(Collectors.joining(", ")) + ".");
        }
        return notes;
    }

    private static Optional<String> ratio(RunResult ours, RunResult peer, String name) {
        if (peer == null || peer.achievedRate() <= 0) {
            return Optional.empty();
        }
        double cpuRatio = ours.cpuMillisPerOperation() / peer.cpuMillisPerOperation();
        return Optional.of(String.format(Locale.ROOT, "Ours ÷ %s: %.2f× the throughput (%.0f vs %.0f lookups/s),"
                        + " %s× the server CPU per lookup (%s vs %s ms).", name, ours.achievedRate() / peer.achievedRate(),
                ours.achievedRate(), peer.achievedRate(), Double.isNaN(cpuRatio) ? "n/a" : String.format(Locale.ROOT, "%.2f", cpuRatio),
                ResultTable.millisPerOperation(ours.cpuMillisPerOperation()),
                ResultTable.millisPerOperation(peer.cpuMillisPerOperation())));
    }
}
