package io.github.compose4j.load.merge;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds raw trees from Java literals, and turns trees back into plain Java values for assertions
 * (marks and tags dropped; mappings compare without order, as Compose's Go maps do).
 * Values: a {@link Node} as is, a {@link List} as a sequence, a Java scalar ({@code Integer} becomes
 * {@code Long}) or null as a scalar.
 */
final class Trees {
    private Trees() {
    }

    static MapNode map(Object... keysAndValues) {
        return mapAt(Mark.NONE, keysAndValues);
    }

    static MapNode mapAt(Mark mark, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        MapNode.Builder b = MapNode.builder(mark);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Node value = node(keysAndValues[i + 1]);
            b.put((String) keysAndValues[i], value.mark(), value);
        }
        return b.build();
    }

    static SeqNode seq(Object... items) {
        return seqAt(Mark.NONE, items);
    }

    static SeqNode seqAt(Mark mark, Object... items) {
        List<Node> nodes = new ArrayList<>();
        for (Object item : items) {
            nodes.add(node(item));
        }
        return new SeqNode(nodes, mark);
    }

    static ScalarNode scalarAt(Mark mark, Object value) {
        return new ScalarNode(normalize(value), mark);
    }

    /** {@code !reset value}. */
    static Node reset(Object value) {
        return node(value).withTag(Tag.RESET);
    }

    /** {@code !override value}. */
    static Node override(Object value) {
        return node(value).withTag(Tag.OVERRIDE);
    }

    static Mark at(String file, int line) {
        return new Mark(file, line, 1);
    }

    /** A document {@code services: {name: service}}. */
    static MapNode service(String name, MapNode service) {
        return map("services", map(name, service));
    }

    static Node node(Object value) {
        if (value instanceof Node n) {
            return n;
        }
        if (value instanceof List<?> list) {
            return seq(list.toArray());
        }
        return new ScalarNode(normalize(value), Mark.NONE);
    }

    private static Object normalize(Object value) {
        return value instanceof Integer i ? Long.valueOf(i) : value;
    }

    /** The tree as LinkedHashMap / List / scalar values. */
    static Object plain(Node node) {
        if (node instanceof MapNode map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> m.put(k, plain(v)));
            return m;
        }
        if (node instanceof SeqNode seq) {
            List<Object> l = new ArrayList<>();
            seq.items().forEach(i -> l.add(plain(i)));
            return l;
        }
        return ((ScalarNode) node).value();
    }

    /** True when no node of the tree carries a tag. */
    static boolean untagged(Node node) {
        if (node.tag() != Tag.NONE) {
            return false;
        }
        if (node instanceof MapNode map) {
            return map.entries().values().stream().allMatch(Trees::untagged);
        }
        if (node instanceof SeqNode seq) {
            return seq.items().stream().allMatch(Trees::untagged);
        }
        return true;
    }
}
