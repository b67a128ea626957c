package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Compose's clean-up pass after each document: empty {@code dns} entries (often an unset variable)
 * are dropped, and, as a side effect of how Compose rebuilds every sequence, empty sequences become
 * "no value" ({@link Tag#NIL}), which shows where raw values are printed.
 */
public final class OmitEmpty {
    private OmitEmpty() {
    }

    public static MapNode apply(MapNode root) {
        return (MapNode) walk(root, 0, false, false);
    }

    /**
     * {@code depth} counts the keys (or items) leading here up to 3, {@code services} tells whether the
     * first was {@code services}, and {@code dns} whether this is services.*.dns. Unchanged subtrees are
     * returned as they are, without copies.
     */
    private static Node walk(Node node, int depth, boolean services, boolean dns) {
        if (node instanceof MapNode m) {
            int childDepth = Math.min(depth + 1, 4);
            return m.mapValues((k, v) -> v instanceof ScalarNode ? v
                    : walk(v, childDepth, depth == 0 ? k.equals("services") : services,
                            childDepth == 3 && services && k.equals("dns")));
        }
        if (node instanceof SeqNode s) {
            int childDepth = Math.min(depth + 1, 4);
            boolean childServices = depth != 0 && services;
            List<Node> items = s.items();
            List<Node> out = null;
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                Node v;
                if (dns && isEmpty(item)) {
                    v = null;
                } else {
                    v = item instanceof ScalarNode ? item : walk(item, childDepth, childServices, false);
                }
                if (v != item && out == null) {
                    out = new ArrayList<>(items.size());
                    out.addAll(items.subList(0, i));
                }
                if (out != null && v != null) {
                    out.add(v);
                }
            }
            if ((out == null ? items : out).isEmpty()) {
                return s.tag() == Tag.NIL ? s : new SeqNode(List.of(), s.mark(), Tag.NIL);
            }
            return out == null ? s : new SeqNode(out, s.mark(), s.tag());
        }
        return node;
    }

    private static boolean isEmpty(Node n) {
        return Nodes.isNull(n) || (n instanceof ScalarNode s && "".equals(s.value()));
    }
}
