package io.callbook.perfops.analysis.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Indexes that cost writes and space for nothing:
 * <ul>
 * <li>unused: no index scan since the statistics were reset, and neither unique nor behind a constraint (those
 * enforce something even when never read);</li>
 * <li>duplicate: another index on the same table with the same method and predicate starts with all its columns, in
 * order (equal column lists count once, the later name being the duplicate); a unique or constraint index is never
 * the redundant one, since it enforces something the other does not;</li>
 * <li>invalid: a failed CREATE INDEX CONCURRENTLY leaves one behind; it is maintained on every write and never
 * read.</li>
 * </ul>
 */
public final class IndexHealth {

    /** @param redundant the index to drop; covering, the one that does its job */
    public record Duplicate(IndexInfo redundant, IndexInfo covering) {
    }

    private IndexHealth() {
    }

    public static List<IndexInfo> unused(List<IndexInfo> indexes) {
        return indexes.stream()
                .filter(index -> index.valid() && index.scans() == 0 && !index.unique() && !index.primary()
                        && !index.backsConstraint())
                .sorted(Comparator.comparingLong(IndexInfo::bytes).reversed().thenComparing(IndexInfo::name))
                .toList();
    }

    public static List<IndexInfo> invalid(List<IndexInfo> indexes) {
        return indexes.stream().filter(index -> !index.valid()).sorted(Comparator.comparing(IndexInfo::name)).toList();
    }

    public static List<Duplicate> duplicates(List<IndexInfo> indexes) {
        List<Duplicate> duplicates = new ArrayList<>();
        for (IndexInfo candidate : indexes) {
            if (!candidate.valid() || candidate.unique() || candidate.primary() || candidate.backsConstraint()) {
                continue;
            }
            indexes.stream()
                    .filter(other -> other != candidate && other.valid())
                    .filter(other -> other.schema().equals(candidate.schema()) && other.table().equals(candidate.table()))
                    .filter(other -> other.method().equals(candidate.method())
                            && Objects.equals(other.predicate(), candidate.predicate()))
                    .filter(other -> other.columns().size() >= candidate.columns().size()
                            && other.columns().subList(0, candidate.columns().size()).equals(candidate.columns()))
                    // of two equal non-unique indexes, only the later name is reported
                    .filter(other -> other.columns().size() > candidate.columns().size() || other.unique()
                            || other.primary() || other.backsConstraint() || other.name().compareTo(candidate.name()) < 0)
                    .findFirst()
                    .ifPresent(other -> duplicates.add(new Duplicate(candidate, other)));
        }
        return duplicates;
    }
}
