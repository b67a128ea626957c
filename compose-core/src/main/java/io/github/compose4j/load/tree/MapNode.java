package io.github.compose4j.load.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A YAML mapping with string keys, in document order. Immutable: stages build changed copies with
 * {@link #toBuilder()}. The position of each key is kept so that errors about a key can point at it.
 */
public final class MapNode implements Node {
    private final Map<String, Node> entries;
    private final Map<String, Mark> keyMarks;
    private final Mark mark;
    private final Tag tag;

    private MapNode(Map<String, Node> entries, Map<String, Mark> keyMarks, Mark mark, Tag tag) {
        this.entries = Collections.unmodifiableMap(entries);
        this.keyMarks = Collections.unmodifiableMap(keyMarks);
        this.mark = Objects.requireNonNull(mark);
        this.tag = Objects.requireNonNull(tag);
    }

    public static MapNode empty(Mark mark) {
        return new MapNode(new LinkedHashMap<>(), new LinkedHashMap<>(), mark, Tag.NONE);
    }

    public static Builder builder(Mark mark) {
        return new Builder(mark, Tag.NONE);
    }

    public Map<String, Node> entries() {
        return entries;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public Node get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Where the key was written; the mapping's own mark when unknown. */
    public Mark keyMark(String key) {
        Mark m = keyMarks.get(key);
        return m != null ? m : mark;
    }

    @Override
    public Mark mark() {
        return mark;
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public MapNode withTag(Tag newTag) {
        return new MapNode(new LinkedHashMap<>(entries), new LinkedHashMap<>(keyMarks), mark, newTag);
    }

    /** A copy with one entry set (added at the end, or replaced in place). */
    public MapNode with(String key, Node value) {
        return toBuilder().put(key, value).build();
    }

    /** A copy without the key. */
    public MapNode without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        return toBuilder().remove(key).build();
    }

    /**
     * A copy whose values are transformed by {@code fn(key, value)}; a null result drops the entry.
     * Returns this mapping itself when no value changed, so unchanged trees are not copied.
     */
    public MapNode mapValues(BiFunction<String, Node, Node> fn) {
        Map<String, Node> out = null;
        int i = 0;
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            Node old = e.getValue();
            Node v = fn.apply(e.getKey(), old);
            if (out == null && v != old) {
                out = new LinkedHashMap<>(entries.size() * 2);
                int j = 0;
                for (Map.Entry<String, Node> prev : entries.entrySet()) {
                    if (j++ == i) {
                        break;
                    }
                    out.put(prev.getKey(), prev.getValue());
                }
            }
            if (out != null && v != null) {
                out.put(e.getKey(), v);
            }
            i++;
        }
        if (out == null) {
            return this;
        }
        Map<String, Mark> marks = new LinkedHashMap<>(keyMarks);
        marks.keySet().retainAll(out.keySet());
        return new MapNode(out, marks, mark, tag);
    }

    public Builder toBuilder() {
        Builder b = new Builder(mark, tag);
        b.entries.putAll(entries);
        b.keyMarks.putAll(keyMarks);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapNode other && entries.equals(other.entries) && tag == other.tag
                && mark.equals(other.mark);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "MapNode" + entries;
    }

    /** Builds a {@link MapNode}; keys keep their first insertion position. */
    public static final class Builder {
        private final Map<String, Node> entries = new LinkedHashMap<>();
        private final Map<String, Mark> keyMarks = new LinkedHashMap<>();
        private Mark mark;
        private Tag tag;

        private Builder(Mark mark, Tag tag) {
            this.mark = mark;
            this.tag = tag;
        }

        public Builder put(String key, Node value) {
            entries.put(key, Objects.requireNonNull(value, key));
            return this;
        }

        public Builder put(String key, Mark keyMark, Node value) {
            entries.put(key, Objects.requireNonNull(value, key));
            keyMarks.put(key, keyMark);
            return this;
        }

        public Builder remove(String key) {
            entries.remove(key);
            keyMarks.remove(key);
            return this;
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        public Node get(String key) {
            return entries.get(key);
        }

        public Builder mark(Mark newMark) {
            this.mark = newMark;
            return this;
        }

        public Builder tag(Tag newTag) {
            this.tag = newTag;
            return this;
        }

        public MapNode build() {
            return new MapNode(new LinkedHashMap<>(entries), keyMarks.isEmpty() ? Map.of() : new LinkedHashMap<>(keyMarks), mark, tag);
        }
    }
}
