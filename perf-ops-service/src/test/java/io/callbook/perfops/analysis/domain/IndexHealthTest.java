package io.callbook.perfops.analysis.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndexHealthTest {

    private final IndexInfo primary = index("probe_pkey", List.of("id"), true, true, true, 0);
    private final IndexInfo branch = index("probe_branch_idx", List.of("branch_id"), false, false, true, 0);
    private final IndexInfo branchDay = index("probe_branch_day_idx", List.of("branch_id", "starts_at"), false, false, true, 12);
    private final IndexInfo branchAgain = index("probe_branch_again_idx", List.of("branch_id"), false, false, true, 3);
    private final IndexInfo uniqueBranch = index("probe_branch_key", List.of("branch_id", "status"), true, false, true, 0);
    private final IndexInfo broken = index("probe_status_idx", List.of("status"), false, false, false, 0);

    @Test
    void unusedIndexesAreNeitherUniqueNorInvalid() {
        assertEquals(List.of(branch), IndexHealth.unused(List.of(primary, branch, branchDay, uniqueBranch, broken)));
    }

    @Test
    void anIndexWhoseColumnsStartAnotherIsADuplicateUnlessItEnforcesSomething() {
        List<IndexHealth.Duplicate> duplicates = IndexHealth.duplicates(
                List.of(primary, branch, branchDay, branchAgain, uniqueBranch, broken));

        assertEquals(List.of(new IndexHealth.Duplicate(branch, branchDay),
                new IndexHealth.Duplicate(branchAgain, branchDay)), duplicates);
    }

    @Test
    void ofTwoEqualIndexesTheLaterNameIsTheDuplicate() {
        assertEquals(List.of(new IndexHealth.Duplicate(branch, branchAgain)),
                IndexHealth.duplicates(List.of(branch, branchAgain)));
    }

    @Test
    void aPartialIndexDuplicatesOnlyOneWithTheSamePredicate() {
        IndexInfo partial = new IndexInfo("public", "probe", "probe_open_idx", List.of("branch_id"), "btree",
                "(status = 'open'::text)", false, false, true, false, 0, 0, "");

        assertEquals(List.of(), IndexHealth.duplicates(List.of(partial, branchDay)));
    }

    @Test
    void invalidIndexesAreListed() {
        assertEquals(List.of(broken), IndexHealth.invalid(List.of(primary, branch, broken)));
    }

    private static IndexInfo index(String name, List<String> columns, boolean unique, boolean primary, boolean valid,
                                   long scans) {
        return new IndexInfo("public", "probe", name, columns, "btree", null, unique, primary, valid, primary, scans,
                8192, "CREATE INDEX " + name);
    }
}
