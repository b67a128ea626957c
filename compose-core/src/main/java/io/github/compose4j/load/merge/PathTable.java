package io.github.compose4j.load.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Prefix root;

    private PathTable(List<List<Row<T>>> byDepth, Prefix root) {
        this.byDepth = byDepth;
        this.root = root;
    }

    /**
     * The paths some pattern starts with, one step at a time, so that a walker can skip the subtrees
     * no pattern reaches. {@link #next} is null when no pattern continues with that key.
     */
    static final class Prefix {
        private final Map<String, Prefix> literal;
        private final Prefix any;

        private Prefix(Map<String, Prefix> literal, Prefix any) {
            this.literal = literal;
            this.any = any;
        }

        Prefix next(String key) {
            Prefix p = literal.get(key);
            return p != null ? p : any;
        }

        private static Prefix of(List<String[]> patterns, int depth) {
            Map<String, List<String[]>> byKey = new HashMap<>();
            List<String[]> wild = new ArrayList<>();
            for (String[] pattern : patterns) {
                if (pattern.length > depth) {
                    if (pattern[depth].equals("*")) {
                        wild.add(pattern);
                    } else {
                        byKey.computeIfAbsent(pattern[depth], k -> new ArrayList<>()).add(pattern);
                    }
                }
            }
            Map<String, Prefix> literal = new HashMap<>();
            // A literal key also continues every pattern that has "*" at this step.
            byKey.forEach((k, rows) -> {
                rows.addAll(wild);
                literal.put(k, of(rows, depth + 1));
            });
            return new Prefix(Map.copyOf(literal), wild.isEmpty() ? null : of(wild, depth + 1));
        }
    }

    /** The start of every pattern: the empty path. */
    Prefix prefixes() {
        return root;
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
            List<String[]> patterns = new ArrayList<>();
            rows.forEach(r -> patterns.add(r.pattern()));
            return new PathTable<>(List.copyOf(buckets), Prefix.of(patterns, 0));
        }
    }
}
