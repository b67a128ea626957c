package io.github.compose4j.load.tree;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A YAML mapping with string keys, in document order. Immutable: stages build changed copies with
 * {@link #toBuilder()}. The position of each key is kept so that errors about a key can point at it.
 *
 * <p>Entries live in parallel arrays (most mappings are small and every loader stage copies some of
 * them, so copies must be cheap); large mappings get a hash index for lookups.
 */
public final class MapNode implements Node {
    private static final int INDEX_THRESHOLD = 12;
    private static final String[] NO_KEYS = new String[0];
    private static final Node[] NO_VALUES = new Node[0];
    private static final Mark[] NO_MARKS = new Mark[0];

    private final String[] keys;
    private final Node[] values;
    private final Mark[] keyMarks;
    private final int size;
    private final Map<String, Integer> index;
    private final Mark mark;
    private final Tag tag;
    private Map<String, Node> entriesView;

    private MapNode(String[] keys, Node[] values, Mark[] keyMarks, int size, Map<String, Integer> index, Mark mark,
                    Tag tag) {
        this.keys = keys;
        this.values = values;
        this.keyMarks = keyMarks;
        this.size = size;
        this.index = index != null ? index : (size > INDEX_THRESHOLD ? indexOf(keys, size) : null);
        this.mark = Objects.requireNonNull(mark);
        this.tag = Objects.requireNonNull(tag);
    }

    private static Map<String, Integer> indexOf(String[] keys, int size) {
        Map<String, Integer> idx = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            idx.put(keys[i], i);
        }
        return idx;
    }

    public static MapNode empty(Mark mark) {
        return new MapNode(NO_KEYS, NO_VALUES, NO_MARKS, 0, null, mark, Tag.NONE);
    }

    public static Builder builder(Mark mark) {
        return new Builder(mark, Tag.NONE, 8);
    }

    /** A builder with room for {@code capacity} entries: built at that size, nothing is copied. */
    public static Builder builder(Mark mark, int capacity) {
        return new Builder(mark, Tag.NONE, capacity);
    }

    /** The entries in document order, as an unmodifiable map view. */
    public Map<String, Node> entries() {
        Map<String, Node> v = entriesView;
        if (v == null) {
            v = new EntriesView();
            entriesView = v;
        }
        return v;
    }

    public Set<String> keys() {
        return entries().keySet();
    }

    private int find(String key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public Node get(String key) {
        int i = find(key);
        return i < 0 ? null : values[i];
    }

    public boolean has(String key) {
        return find(key) >= 0;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The key of the i-th entry in document order: with {@link #valueAt}, iteration without allocation. */
    public String keyAt(int i) {
        // The arrays hold exactly size entries, so the array's own bound check is the index check.
        return keys[i];
    }

    /** The value of the i-th entry in document order. */
    public Node valueAt(int i) {
        return values[i];
    }

    /** Where the key was written; the mapping's own mark when unknown. */
    public Mark keyMark(String key) {
        int i = find(key);
        Mark m = i < 0 ? null : keyMarks[i];
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
        return newTag == tag ? this : new MapNode(keys, values, keyMarks, size, index, mark, newTag);
    }

    /** A copy with one entry set (added at the end, or replaced in place). */
    public MapNode with(String key, Node value) {
        Objects.requireNonNull(value, key);
        int i = find(key);
        if (i >= 0) {
            if (values[i] == value) {
                return this;
            }
            Node[] v = Arrays.copyOf(values, size);
            v[i] = value;
            return new MapNode(keys, v, keyMarks, size, index, mark, tag);
        }
        return toBuilder().put(key, value).build();
    }

    /** A copy without the key. */
    public MapNode without(String key) {
        if (find(key) < 0) {
            return this;
        }
        return toBuilder().remove(key).build();
    }

    /**
     * A copy whose values are transformed by {@code fn(key, value)}; a null result drops the entry.
     * Returns this mapping itself when no value changed, so unchanged trees are not copied.
     */
    public MapNode mapValues(BiFunction<String, Node, Node> fn) {
        Node[] out = null;
        boolean dropped = false;
        for (int i = 0; i < size; i++) {
            Node old = values[i];
            Node v = fn.apply(keys[i], old);
            if (v != old && out == null) {
                out = Arrays.copyOf(values, size);
            }
            if (out != null) {
                out[i] = v;
                dropped |= v == null;
            }
        }
        if (out == null) {
            return this;
        }
        if (!dropped) {
            return new MapNode(keys, out, keyMarks, size, index, mark, tag);
        }
        Builder b = new Builder(mark, tag, size);
        for (int i = 0; i < size; i++) {
            if (out[i] != null) {
                b.append(keys[i], keyMarks[i], out[i]);
            }
        }
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(mark, tag, size + 4);
        System.arraycopy(keys, 0, b.keys, 0, size);
        System.arraycopy(values, 0, b.values, 0, size);
        System.arraycopy(keyMarks, 0, b.keyMarks, 0, size);
        b.size = size;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapNode other && entries().equals(other.entries()) && tag == other.tag
                && mark.equals(other.mark);
    }

    @Override
    public int hashCode() {
        return entries().hashCode();
    }

    @Override
    public String toString() {
        return "MapNode" + entries();
    }

    /** An unmodifiable, ordered view of the entries. */
    private final class EntriesView extends AbstractMap<String, Node> {
        @Override
        public Node get(Object key) {
            return key instanceof String s ? MapNode.this.get(s) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String s && find(s) >= 0;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Entry<String, Node>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Node>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < size;
                        }

                        @Override
                        public Entry<String, Node> next() {
                            if (i >= size) {
                                throw new NoSuchElementException();
                            }
                            int at = i++;
                            return new SimpleImmutableEntry<>(keys[at], values[at]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        @Override
        public Set<String> keySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<String> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < size;
                        }

                        @Override
                        public String next() {
                            if (i >= size) {
                                throw new NoSuchElementException();
                            }
                            return keys[i++];
                        }
                    };
                }

                @Override
                public boolean contains(Object o) {
                    return containsKey(o);
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    /** Builds a {@link MapNode}; keys keep their first insertion position. */
    public static final class Builder {
        private String[] keys;
        private Node[] values;
        private Mark[] keyMarks;
        private int size;
        private Map<String, Integer> index;
        private Mark mark;
        private Tag tag;
        /** The arrays belong to a built node: copy them before any change. */
        private boolean shared;

        private Builder(Mark mark, Tag tag, int capacity) {
            this.mark = mark;
            this.tag = tag;
            this.keys = new String[Math.max(capacity, 1)];
            this.values = new Node[keys.length];
            this.keyMarks = new Mark[keys.length];
        }

        private void own() {
            if (shared) {
                keys = keys.clone();
                values = values.clone();
                keyMarks = keyMarks.clone();
                shared = false;
            }
        }

        private int find(String key) {
            if (index == null && size > INDEX_THRESHOLD) {
                // A large copied mapping whose entries are replaced one by one: linear search would be quadratic.
                index = indexOf(keys, size);
            }
            if (index != null) {
                Integer i = index.get(key);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Adds a key the caller has made sure is not in the builder yet, without looking it up (a parser
         * that has checked for duplicate keys). Adding a key that is present breaks the mapping.
         */
        public Builder addNew(String key, Mark keyMark, Node value) {
            Objects.requireNonNull(value, key);
            append(key, keyMark, value);
            return this;
        }

        /** Adds a key known to be absent. */
        private void append(String key, Mark keyMark, Node value) {
            if (size == keys.length) {
                int n = size * 2;
                keys = Arrays.copyOf(keys, n);
                values = Arrays.copyOf(values, n);
                keyMarks = Arrays.copyOf(keyMarks, n);
                shared = false;
            } else {
                own();
            }
            keys[size] = key;
            values[size] = value;
            keyMarks[size] = keyMark;
            if (index != null) {
                index.put(key, size);
            }
            size++;
        }

        public Builder put(String key, Node value) {
            Objects.requireNonNull(value, key);
            int i = find(key);
            if (i >= 0) {
                own();
                values[i] = value;
            } else {
                append(key, null, value);
            }
            return this;
        }

        public Builder put(String key, Mark keyMark, Node value) {
            Objects.requireNonNull(value, key);
            int i = find(key);
            if (i >= 0) {
                own();
                values[i] = value;
                keyMarks[i] = keyMark;
            } else {
                append(key, keyMark, value);
            }
            return this;
        }

        public Builder remove(String key) {
            int i = find(key);
            if (i < 0) {
                return this;
            }
            own();
            int tail = size - i - 1;
            System.arraycopy(keys, i + 1, keys, i, tail);
            System.arraycopy(values, i + 1, values, i, tail);
            System.arraycopy(keyMarks, i + 1, keyMarks, i, tail);
            size--;
            keys[size] = null;
            values[size] = null;
            keyMarks[size] = null;
            index = null;
            return this;
        }

        public boolean has(String key) {
            return find(key) >= 0;
        }

        public Node get(String key) {
            int i = find(key);
            return i < 0 ? null : values[i];
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
            if (size == keys.length) {
                shared = true;
                return new MapNode(keys, values, keyMarks, size, null, mark, tag);
            }
            return new MapNode(Arrays.copyOf(keys, size), Arrays.copyOf(values, size), Arrays.copyOf(keyMarks, size),
                    size, null, mark, tag);
        }
    }
}
