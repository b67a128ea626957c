package io.github.compose4j.load.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between raw-tree nodes and plain Java values, and small accessors. */
public final class Nodes {
    private Nodes() {
    }

    /**
     * A node for a plain value (String, Long, Integer, Double, Boolean, null, List, Map with string
     * keys), every node marked with {@code mark}.
     */
    public static Node of(Object value, Mark mark) {
        if (value instanceof Node n) {
            return n;
        }
        if (value instanceof Map<?, ?> m) {
            MapNode.Builder b = MapNode.builder(mark);
            m.forEach((k, v) -> b.put((String) k, mark, of(v, mark)));
            return b.build();
        }
        if (value instanceof List<?> l) {
            List<Node> items = new ArrayList<>(l.size());
            for (Object o : l) {
                items.add(of(o, mark));
            }
            return new SeqNode(items, mark);
        }
        if (value instanceof Integer i) {
            return new ScalarNode(i.longValue(), mark);
        }
        return new ScalarNode(value, mark);
    }

    /** The plain value of a node: String/Long/Double/Boolean/null, unmodifiable List and Map. */
    public static Object toPlain(Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return s.value();
        }
        if (node instanceof SeqNode s) {
            if (s.tag() == Tag.NIL && s.size() == 0) {
                return null;
            }
            List<Object> out = new ArrayList<>(s.size());
            for (Node n : s.items()) {
                out.add(toPlain(n));
            }
            return Collections.unmodifiableList(out);
        }
        MapNode m = (MapNode) node;
        Map<String, Object> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, toPlain(v)));
        return Collections.unmodifiableMap(out);
    }

    /** Deep equality of the values of two nodes, ignoring marks and tags. */
    public static boolean toPlainEquals(Node a, Node b) {
        return java.util.Objects.equals(toPlain(a), toPlain(b));
    }

    public static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && s.value() == null);
    }

    /** The string value of a scalar node, or null when it is not a string scalar. */
    public static String string(Node node) {
        return node instanceof ScalarNode s && s.value() instanceof String str ? str : null;
    }

    /** Go's {@code %T} name of the value held, for error messages that quote Compose. */
    public static String goType(Node node) {
        if (node instanceof MapNode) {
            return "map[string]interface {}";
        }
        if (node instanceof SeqNode) {
            return "[]interface {}";
        }
        Object v = ((ScalarNode) node).value();
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "float64";
        }
        return "bool";
    }
}
