package io.github.compose4j.load.interpolate;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;

/** Small builders for raw trees in tests: plain Java values become scalars, lists become sequences. */
final class Trees {
    private Trees() {
    }

    static MapNode map(Object... keysAndValues) {
        MapNode.Builder b = MapNode.builder(Mark.NONE);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.put((String) keysAndValues[i], node(keysAndValues[i + 1]));
        }
        return b.build();
    }

    static SeqNode seq(Object... items) {
        List<Node> nodes = new ArrayList<>();
        for (Object item : items) {
            nodes.add(node(item));
        }
        return new SeqNode(nodes, Mark.NONE);
    }

    static Node node(Object value) {
        if (value instanceof Node n) {
            return n;
        }
        if (value instanceof List<?> list) {
            return seq(list.toArray());
        }
        if (value instanceof Integer i) {
            return ScalarNode.of(i.longValue());
        }
        return ScalarNode.of(value);
    }

    /** The node at a path of keys and sequence indexes. */
    static Node at(Node root, Object... path) {
        Node n = root;
        for (Object p : path) {
            n = p instanceof Integer i ? ((SeqNode) n).get(i) : ((MapNode) n).get((String) p);
        }
        return n;
    }

    static Object valueAt(Node root, Object... path) {
        return ((ScalarNode) at(root, path)).value();
    }
}
