package io.callbook.perfops.analysis.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the statements of one database did since the previous snapshot: the figures of each entry minus the previous
 * ones. An entry whose stats_since moved was evicted or reset in between and counts whole (its calls before that are
 * lost, which the notes say); an entry new since then counts whole too. Statistics are never reset to get a window,
 * so other tools reading pg_stat_statements see what they always saw. Without a previous snapshot, the window starts
 * at the oldest stats_since.
 *
 * @param activity statements called in the window, most total time first
 * @param notes    evictions and resets noticed
 */
public record StatementWindow(Instant from, Instant to, boolean first, List<StatementStat> activity, List<String> notes) {

    public static StatementWindow between(Optional<StatementSnapshot> previous, StatementSnapshot current) {
        Map<StatementStat.Key, StatementStat> before = new HashMap<>();
        previous.ifPresent(snapshot -> snapshot.statements().forEach(stat -> before.put(stat.key(), stat)));
        List<StatementStat> activity = new ArrayList<>();
        int restarted = 0;
        for (StatementStat now : current.statements()) {
            StatementStat earlier = before.remove(now.key());
            StatementStat delta;
            if (earlier != null && Objects.equals(earlier.statsSince(), now.statsSince()) && now.calls() >= earlier.calls()) {
                delta = now.minus(earlier);
            } else {
                if (earlier != null) {
                    restarted++;
                }
                delta = now;
            }
            if (delta.calls() > 0) {
                activity.add(delta);
            }
        }
        activity.sort(Comparator.comparingDouble(StatementStat::totalMs).reversed());
        List<String> notes = new ArrayList<>();
        Instant from;
        if (previous.isPresent()) {
            StatementSnapshot last = previous.get();
            from = last.takenAt();
            long evicted = current.dealloc() - last.dealloc();
            if (!Objects.equals(last.statsReset(), current.statsReset())) {
                notes.add("pg_stat_statements was reset at " + current.statsReset() + "; calls before that are lost");
            } else if (evicted > 0) {
                notes.add(evicted + " eviction rounds since " + last.takenAt()
                        + " (pg_stat_statements.max is small for this database); evicted statements' calls are lost");
            }
            if (restarted > 0 || !before.isEmpty()) {
                notes.add(restarted + " statements counted again from zero and " + before.size()
                        + " no longer tracked since the previous snapshot");
            }
        } else {
            from = current.statements().stream().map(StatementStat::statsSince).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(current.takenAt());
        }
        return new StatementWindow(from, current.takenAt(), previous.isEmpty(), List.copyOf(activity), List.copyOf(notes));
    }
}
