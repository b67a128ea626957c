package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compose's clean-up pass after each document: empty {@code dns} entries (often an unset variable)
 * are dropped, and, as a side effect of how Compose rebuilds every sequence, empty sequences become
 * "no value" ({@link Tag#NIL}), which shows where raw values are printed.
 */
public final class OmitEmpty {
    private OmitEmpty() {
    }

    public static MapNode apply(MapNode root) {
        return (MapNode) walk(root, List.of());
    }

    /** {@code path} holds the first three keys leading here, enough to recognize services.*.dns. */
    private static Node walk(Node node, List<String> path) {
        if (node instanceof MapNode m) {
            MapNode.Builder b = MapNode.builder(m.mark()).tag(m.tag());
            boolean changed = false;
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node v = walk(e.getValue(), child(path, e.getKey()));
                changed |= v != e.getValue();
                b.put(e.getKey(), m.keyMark(e.getKey()), v);
            }
            return changed ? b.build() : m;
        }
        if (node instanceof SeqNode s) {
            boolean dns = path.size() == 3 && path.get(0).equals("services") && path.get(2).equals("dns");
            List<Node> out = new ArrayList<>(s.size());
            boolean changed = false;
            for (Node item : s.items()) {
                if (dns && isEmpty(item)) {
                    changed = true;
                    continue;
                }
                Node v = walk(item, child(path, "[]"));
                changed |= v != item;
                out.add(v);
            }
            if (out.isEmpty()) {
                return s.tag() == Tag.NIL ? s : new SeqNode(List.of(), s.mark(), Tag.NIL);
            }
            return changed ? new SeqNode(out, s.mark(), s.tag()) : s;
        }
        return node;
    }

    private static List<String> child(List<String> path, String key) {
        if (path.size() >= 3) {
            return path.size() == 3 ? List.of(path.get(0), path.get(1), path.get(2), "") : path;
        }
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }

    private static boolean isEmpty(Node n) {
        return Nodes.isNull(n) || (n instanceof ScalarNode s && "".equals(s.value()));
    }
}
