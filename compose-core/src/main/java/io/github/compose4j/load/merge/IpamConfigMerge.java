package io.github.compose4j.load.merge;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code networks.*.ipam.config}: Compose pairs every base entry with every override entry by
 * {@code subnet}, merging mappings in place. Its result depends on that in-place mutation (a base
 * entry merged with an override of another subnet takes that subnet, and a base entry no override
 * pairs with is dropped), so this strategy runs the same algorithm on a short-lived mutable copy of
 * the entries, with the same sharing between them, and converts the result back to nodes.
 */
final class IpamConfigMerge {
    private IpamConfigMerge() {
    }

    /** A mapping with reference semantics; values are {@link GoMap}s or non-mapping {@link Node}s. */
    private static final class GoMap {
        final Mark mark;
        final LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        final LinkedHashMap<String, Mark> keyMarks = new LinkedHashMap<>();

        GoMap(Mark mark) {
            this.mark = mark;
        }

        Object subnet() {
            return nilToNull(values.get("subnet"));
        }
    }

    static Node merge(Node base, Node override, TreePath path) {
        if (TreeMerge.isNull(override)) {
            return base;
        }
        if (!(base instanceof SeqNode originals) || !(override instanceof SeqNode overrides)) {
            throw TreeMerge.cannotOverride(override, path);
        }
        // A mapping item is one shared object across iterations; a list item is converted afresh.
        GoMap[] overrideMirrors = new GoMap[overrides.size()];
        List<GoMap> configs = new ArrayList<>();
        for (Node original : originals.items()) {
            GoMap right = asMapping(original);
            for (int i = 0; i < overrides.size(); i++) {
                Node o = overrides.get(i);
                if (o instanceof MapNode && overrideMirrors[i] == null) {
                    overrideMirrors[i] = asMapping(o);
                }
                GoMap left = o instanceof MapNode ? overrideMirrors[i] : asMapping(o);
                if (!goEquals(left.subnet(), right.subnet())
                        && configs.stream().noneMatch(c -> goEquals(c.subnet(), left.subnet()))) {
                    configs.add(left);
                    continue;
                }
                GoMap merged = mergeMappings(right, left, path);
                int existing = -1;
                for (int j = 0; j < configs.size(); j++) {
                    if (goEquals(configs.get(j).subnet(), merged.subnet())) {
                        existing = j;
                        break;
                    }
                }
                if (existing >= 0) {
                    configs.set(existing, merged);
                } else {
                    configs.add(merged);
                }
            }
        }
        List<Node> items = new ArrayList<>(configs.size());
        for (GoMap c : configs) {
            items.add(toNode(c));
        }
        return new SeqNode(items, originals.mark());
    }

    private static GoMap asMapping(Node item) {
        if (item instanceof MapNode map) {
            return mirror(map);
        }
        GoMap converted = new GoMap(item.mark());
        if (item instanceof SeqNode seq) {
            for (Node key : seq.items()) {
                converted.values.put(GoFmt.v(key), new ScalarNode(null, key.mark()));
                converted.keyMarks.put(GoFmt.v(key), key.mark());
            }
        }
        return converted;
    }

    private static GoMap mirror(MapNode map) {
        GoMap m = new GoMap(map.mark());
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            Node v = e.getValue();
            m.values.put(e.getKey(), v instanceof MapNode nested ? mirror(nested) : v);
            m.keyMarks.put(e.getKey(), map.keyMark(e.getKey()));
        }
        return m;
    }

    private static GoMap mergeMappings(GoMap into, GoMap other, TreePath path) {
        for (Map.Entry<String, Object> e : other.values.entrySet()) {
            String key = e.getKey();
            if (!into.values.containsKey(key) || key.startsWith("x-")) {
                into.values.put(key, e.getValue());
                into.keyMarks.put(key, other.keyMarks.get(key));
                continue;
            }
            Object merged = mergeValues(into.values.get(key), e.getValue(), path.next(key));
            if (merged == e.getValue()) {
                into.keyMarks.put(key, other.keyMarks.get(key));
            }
            into.values.put(key, merged);
        }
        return into;
    }

    // No merge rule applies below ipam.config, so only the generic rules are needed here.
    private static Object mergeValues(Object base, Object override, TreePath path) {
        if (nilToNull(override) == null) {
            return base;
        }
        if (base instanceof GoMap map) {
            if (!(override instanceof GoMap other)) {
                throw TreeMerge.cannotOverride((Node) override, path);
            }
            return mergeMappings(map, other, path);
        }
        if (base instanceof SeqNode seq) {
            if (!(override instanceof SeqNode other)) {
                throw TreeMerge.cannotOverride(override instanceof Node n ? n : seq, path);
            }
            return TreeMerge.concat(seq, other.items());
        }
        return override;
    }

    private static Node toNode(GoMap m) {
        MapNode.Builder b = MapNode.builder(m.mark);
        for (Map.Entry<String, Object> e : m.values.entrySet()) {
            Object v = e.getValue();
            b.put(e.getKey(), m.keyMarks.get(e.getKey()), v instanceof GoMap nested ? toNode(nested) : (Node) v);
        }
        return b.build();
    }

    /** A null scalar is Go's nil, like an absent key. */
    private static Object nilToNull(Object value) {
        return value instanceof ScalarNode s && s.value() == null ? null : value;
    }

    /** Go's {@code ==} on interface values; mappings and lists never compare equal here. */
    private static boolean goEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a instanceof ScalarNode x && b instanceof ScalarNode y && MergeStrategies.goEquals(x, y);
    }
}
