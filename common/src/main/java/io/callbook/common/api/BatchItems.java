package io.callbook.common.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The items of an all-or-nothing batch while they are checked: each is either its domain input or the problem that
 * rules it out. The API checks each item's shape, the domain adds what its own checks find, and
 * {@link #throwIfInvalid()} answers 422 listing every failing item, so a client learns of all of them at once.
 *
 * @param <T> the domain input of one item
 */
public final class BatchItems<T> {

    private final List<T> inputs;
    private final SortedMap<Integer, Problem> rejected = new TreeMap<>();

    private BatchItems(List<T> inputs) {
        this.inputs = inputs;
    }

    /**
     * A request body's items, checked as {@link #check} does once the body has items (else 400) and the batch is
     * neither empty nor larger than {@code maxSize} (else 422).
     */
    public static <I, T> BatchItems<T> checkBody(List<I> items, int maxSize, String noun, Validator validator,
                                                 Function<I, T> toInput) {
        if (items == null) {
            throw ProblemException.badRequest("A body with items is required");
        }
        BatchProblems.requireSize(items.size(), maxSize, noun);
        return check(items, validator, toInput);
    }

    /**
     * Checks each item's bean constraints, the same annotations its single-item request has, and converts the items
     * that pass. A null item or a violated constraint rules the item out with a 400 problem.
     */
    public static <I, T> BatchItems<T> check(List<I> items, Validator validator, Function<I, T> toInput) {
        BatchItems<T> checked = new BatchItems<>(new ArrayList<>(items.size()));
        for (int i = 0; i < items.size(); i++) {
            I item = items.get(i);
            Set<ConstraintViolation<I>> violations = item == null ? Set.of() : validator.validate(item);
            if (item != null && violations.isEmpty()) {
                checked.inputs.add(toInput.apply(item));
                continue;
            }
            checked.inputs.add(null);
            checked.reject(i, item == null
                    ? Problem.of(400, "invalid-request", "Invalid request", "The item is null")
                    : Problem.of(400, "validation", "Invalid request", violations.stream()
                            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                            .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                            .collect(Collectors.joining("; "))));
        }
        return checked;
    }

    public int size() {
        return inputs.size();
    }

    /** The indexes of the items nothing has ruled out yet, in order. */
    public List<Integer> validIndexes() {
        return IntStream.range(0, inputs.size()).filter(i -> !rejected.containsKey(i)).boxed().toList();
    }

    /** The inputs nothing has ruled out yet, in order. */
    public List<T> validInputs() {
        return validIndexes().stream().map(inputs::get).toList();
    }

    public T get(int index) {
        return inputs.get(index);
    }

    /** Rules an item out; an item keeps the first problem found with it. */
    public void reject(int index, Problem problem) {
        rejected.putIfAbsent(index, problem);
    }

    /**
     * Adds what the domain found wrong with items to what was found here, and throws the one 422 that lists them all.
     */
    public <F> void throwWith(Map<Integer, F> failures, Function<F, Problem> toProblem) {
        failures.forEach((index, failure) -> reject(index, toProblem.apply(failure)));
        throwIfInvalid();
    }

    /** @throws ProblemException 422 listing every rejected item with its index, status, type and detail */
    public void throwIfInvalid() {
        if (!rejected.isEmpty()) {
            throw BatchProblems.invalid(rejected.entrySet().stream()
                    .map(entry -> BatchProblems.itemError(entry.getKey(), entry.getValue())).toList());
        }
    }

    /** Every input, once {@link #throwIfInvalid()} has passed. */
    public List<T> all() {
        throwIfInvalid();
        return List.copyOf(inputs);
    }
}
