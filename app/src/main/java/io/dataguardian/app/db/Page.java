package io.dataguardian.app.db;

import java.util.List;

/**
 * One page of a keyset-paginated list. {@code next} is the cursor to pass for the following page,
 * or null on the last page. Keyset (not OFFSET) so page 1,000 costs what page 1 costs.
 */
public record Page<T, C>(List<T> items, C next) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return next != null;
    }

    /** Builds a page from up to {@code limit + 1} fetched rows: the extra row only proves a next page exists. */
    public static <T, C> Page<T, C> of(List<T> fetched, int limit, java.util.function.Function<T, C> cursorOf) {
        if (fetched.size() > limit) {
            List<T> items = fetched.subList(0, limit);
            return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
        }
        return new Page<>(fetched, null);
    }
}
