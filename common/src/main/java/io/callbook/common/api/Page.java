package io.callbook.common.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: pass {@code nextCursor} back as {@code after} to get the
 * next page; it is null on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only proves there is more. */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, T> toItem, Function<E, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown.stream().map(toItem).toList(), more ? cursorOf.apply(shown.get(shown.size() - 1)) : null);
    }
}
