package io.callbook.common.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The errors of an all-or-nothing batch request, shaped like those of {@code POST /v1/appointments/batch}: 422 for
 * an empty or oversized batch and for invalid items (each listed with its index), 409 naming the index of an item
 * that collides with what exists.
 */
public final class BatchProblems {

    private BatchProblems() {
    }

    /** @param noun what the batch creates, e.g. "phone numbers" */
    public static void requireSize(int size, int max, String noun) {
        if (size == 0) {
            throw new ProblemException(Problem.of(422, "batch-empty", "Empty batch", "A batch needs at least one item"));
        }
        if (size > max) {
            throw new ProblemException(Problem.of(422, "batch-too-large", "Batch too large",
                    "A batch may create at most " + max + " " + noun + ", this one has " + size).with("maxItems", max));
        }
    }

    /** One entry per failing item, so a client can fix them all at once. */
    public static ProblemException invalid(List<Map<String, Object>> errors) {
        return new ProblemException(Problem.of(422, "batch-invalid", "Invalid batch",
                errors.size() + " item(s) are invalid; nothing was written").with("errors", errors));
    }

    /**
     * 409 with the first colliding item's problem and {@code index}; {@code errors} lists every colliding item, so an
     * importer can leave them all out at once.
     *
     * @param conflicts by item index; not empty
     */
    public static ProblemException conflicts(SortedMap<Integer, Problem> conflicts) {
        int first = conflicts.firstKey();
        List<Map<String, Object>> errors = conflicts.entrySet().stream()
                .map(entry -> itemError(entry.getKey(), entry.getValue())).toList();
        return new ProblemException(inBatch(conflicts.get(first), first).with("errors", errors));
    }

    /** An item's own problem, saying which item it is. */
    public static Problem inBatch(Problem problem, int index) {
        return new Problem(problem.type(), problem.title(), problem.status(), "Item " + index + ": " + problem.detail(),
                problem.instance(), problem.requestId(), problem.extensions()).with("index", index);
    }

    public static Map<String, Object> itemError(int index, Problem problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("index", index);
        error.put("status", problem.status());
        error.put("type", problem.type().toString());
        error.put("detail", problem.detail());
        return error;
    }
}
