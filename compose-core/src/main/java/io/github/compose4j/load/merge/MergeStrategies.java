package io.github.compose4j.load.merge;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The strategies of {@link MergeRules}. Where Compose itself crashes on an ill-typed value (a Go
 * panic, exit code 2), these keep the base for a null override and otherwise let the override win,
 * or report {@code cannot override}; schema validation then reports anything still wrong.
 */
final class MergeStrategies {
    private static final Comparator<Node> BY_TEXT =
            Comparator.comparing(n -> (String) ((ScalarNode) n).value(), GoFmt.GO_STRING_ORDER);

    private MergeStrategies() {
    }

    /** {@code command}, {@code entrypoint}, {@code healthcheck.test}: the override wins, even null. */
    static Node replace(Node base, Node override, TreePath path) {
        return override;
    }

    /**
     * Attributes written either as a list of {@code KEY=VALUE} (or plain) strings or as a mapping:
     * both sides become lists and the override's items are appended. Duplicates are removed later by
     * {@link Unicity}, so the override's {@code KEY=} wins.
     */
    static Node toSequence(Node base, Node override, TreePath path) {
        List<Node> right = asSequence(base);
        List<Node> left = asSequence(override);
        return join(base, right, override, left);
    }

    /** Like {@link #toSequence}, but override items equal to a base item are dropped at once. */
    static Node extraHosts(Node base, Node override, TreePath path) {
        List<Node> right = asSequence(base);
        Set<Object> seen = new HashSet<>();
        for (Node n : right) {
            Object key = comparable(n);
            if (key != null) {
                seen.add(key);
            }
        }
        List<Node> left = new ArrayList<>();
        for (Node n : asSequence(override)) {
            Object key = comparable(n);
            if (key == null || !seen.contains(key)) {
                left.add(n);
            }
        }
        return join(base, right, override, left);
    }

    /** {@code build: ./dir} is {@code build: {context: ./dir}} for merging. */
    static Node build(Node base, Node override, TreePath path) {
        MapNode b = asBuild(base);
        MapNode o = asBuild(override);
        if (o == null) {
            return b != null ? b : base;
        }
        if (b == null) {
            return o;
        }
        return TreeMerge.mergeMappings(b, o, path);
    }

    /**
     * Lists become mappings whose entries are {@code {condition: service_started, required: true}}.
     * So a list in the override resets a base condition to {@code service_started} while keeping
     * the base's other keys ({@code restart}), as Compose does.
     */
    static Node dependsOn(Node base, Node override, TreePath path) {
        return mappings(asMapping(base, true), base, asMapping(override, true), path);
    }

    /** Service networks: a list is a mapping of names to null. */
    static Node networks(Node base, Node override, TreePath path) {
        return mappings(asMapping(base, false), base, asMapping(override, false), path);
    }

    /** Logging merges only when both sides name the same driver, or either names none. */
    static Node logging(Node base, Node override, TreePath path) {
        if (TreeMerge.isNull(override)) {
            return base;
        }
        if (!(base instanceof MapNode config)) {
            return override;
        }
        if (!(override instanceof MapNode other)) {
            throw TreeMerge.cannotOverride(override, path);
        }
        Node driver = other.get("driver");
        Node baseDriver = config.get("driver");
        if (driver == null || baseDriver == null || goEquals(driver, baseDriver)) {
            return TreeMerge.mergeMappings(config, other, path);
        }
        return other;
    }

    private static Node join(Node base, List<Node> right, Node override, List<Node> left) {
        if (left.isEmpty() && base instanceof SeqNode seq && seq.items() == right) {
            return seq;
        }
        if (right.isEmpty() && override instanceof SeqNode seq && seq.items() == left) {
            return seq;
        }
        List<Node> items = new ArrayList<>(right.size() + left.size());
        items.addAll(right);
        items.addAll(left);
        return new SeqNode(items, base.mark());
    }

    /** Compose's list view of a mapping: sorted {@code KEY=VALUE}, bare {@code KEY} for null. */
    static List<Node> asSequence(Node node) {
        if (node instanceof SeqNode seq) {
            return seq.items();
        }
        if (node instanceof ScalarNode s) {
            return s.value() instanceof String ? List.of(s) : List.of();
        }
        MapNode map = (MapNode) node;
        List<Node> items = new ArrayList<>(map.size());
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            String key = e.getKey();
            Node value = e.getValue();
            if (TreeMerge.isNull(value)) {
                items.add(new ScalarNode(key, map.keyMark(key)));
            } else if (value instanceof SeqNode values) {
                // One entry per value, as Compose does for a list-valued key.
                for (Node v : values.items()) {
                    items.add(new ScalarNode(key + "=" + GoFmt.v(v), v.mark()));
                }
            } else {
                items.add(new ScalarNode(key + "=" + GoFmt.v(value), value.mark()));
            }
        }
        items.sort(BY_TEXT);
        return items;
    }

    private static MapNode asBuild(Node node) {
        if (node instanceof MapNode map) {
            return map;
        }
        if (node instanceof ScalarNode s && s.value() instanceof String) {
            return MapNode.builder(s.mark()).put("context", s.mark(), s).build();
        }
        return null;
    }

    private static MapNode asMapping(Node node, boolean dependsOnDefaults) {
        if (node instanceof MapNode map) {
            return map;
        }
        if (!(node instanceof SeqNode seq)) {
            return null;
        }
        MapNode.Builder b = MapNode.builder(seq.mark());
        for (Node item : seq.items()) {
            Mark m = item.mark();
            Node value = dependsOnDefaults
                    ? MapNode.builder(m)
                            .put("condition", m, new ScalarNode("service_started", m))
                            .put("required", m, new ScalarNode(Boolean.TRUE, m))
                            .build()
                    : new ScalarNode(null, m);
            b.put(GoFmt.v(item), m, value);
        }
        return b.build();
    }

    private static Node mappings(MapNode right, Node base, MapNode left, TreePath path) {
        if (left == null) {
            return right != null ? right : base;
        }
        if (right == null) {
            return left;
        }
        return TreeMerge.mergeMappings(right, left, path);
    }

    /** Go's {@code ==} on decoded YAML scalars: same type and value; maps and lists never equal. */
    static boolean goEquals(Node a, Node b) {
        return a instanceof ScalarNode x && b instanceof ScalarNode y && Objects.equals(x.value(), y.value());
    }

    private static Object comparable(Node n) {
        if (n instanceof ScalarNode s) {
            return s.value() == null ? NullKey.NULL : s.value();
        }
        return null;
    }

    private enum NullKey {
        NULL
    }
}
