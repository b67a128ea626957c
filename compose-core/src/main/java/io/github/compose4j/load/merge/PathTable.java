package io.github.compose4j.load.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered, immutable table of dotted path patterns ({@code services.*.ports}) to values. The first
 * matching pattern wins; Compose's own tables never have two patterns matching one path.
 */
final class PathTable<T> {
    private record Row<T>(String[] pattern, T value) {
    }

    // Rows bucketed by pattern length: a path only needs to be tried against patterns of its depth.
    private final List<List<Row<T>>> byDepth;

    private PathTable(List<List<Row<T>>> byDepth) {
        this.byDepth = byDepth;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The value of the first pattern matching {@code path}, or null. */
    T find(TreePath path) {
        if (path.depth() >= byDepth.size()) {
            return null;
        }
        for (Row<T> row : byDepth.get(path.depth())) {
            if (path.matches(row.pattern())) {
                return row.value();
            }
        }
        return null;
    }

    static final class Builder<T> {
        private final List<Row<T>> rows = new ArrayList<>();

        Builder<T> add(String pattern, T value) {
            rows.add(new Row<>(pattern.split("\\."), Objects.requireNonNull(value)));
            return this;
        }

        PathTable<T> build() {
            int max = rows.stream().mapToInt(r -> r.pattern().length).max().orElse(0);
            List<List<Row<T>>> buckets = new ArrayList<>();
            for (int d = 0; d <= max; d++) {
                int depth = d;
                buckets.add(rows.stream().filter(r -> r.pattern().length == depth).toList());
            }
            return new PathTable<>(List.copyOf(buckets));
        }
    }
}
