package io.github.compose4j.load;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code !reset} and {@code !override} as Compose applies them: a document's tagged paths are
 * recorded, {@code !reset} values are dropped from the document, and before the document is merged
 * every recorded path is deleted from what came before it (so {@code !override} replaces instead of
 * merging). Items of sequences cannot be reset, as in Compose.
 */
public final class Resets {
    private final List<List<String>> paths;

    private Resets(List<List<String>> paths) {
        this.paths = paths;
    }

    public static final Resets NONE = new Resets(List.of());

    /** The document without its {@code !reset} values, and the paths to clear in what it overrides. */
    public record Stripped(MapNode document, Resets resets) {
    }

    public static Stripped strip(MapNode document) {
        List<List<String>> paths = new ArrayList<>();
        MapNode stripped = (MapNode) strip(document, new ArrayList<>(), paths);
        return new Stripped(stripped, new Resets(List.copyOf(paths)));
    }

    private static Node strip(Node node, List<String> path, List<List<String>> paths) {
        if (node.tag() == Tag.RESET) {
            paths.add(List.copyOf(path));
            return null;
        }
        if (node.tag() == Tag.OVERRIDE) {
            paths.add(List.copyOf(path));
        }
        if (node instanceof MapNode m) {
            MapNode.Builder b = MapNode.builder(m.mark()).tag(m.tag());
            boolean changed = false;
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                path.add(e.getKey());
                Node v = strip(e.getValue(), path, paths);
                path.remove(path.size() - 1);
                if (v != null) {
                    b.put(e.getKey(), m.keyMark(e.getKey()), v);
                }
                changed |= v != e.getValue();
            }
            return changed ? b.build() : m;
        }
        if (node instanceof SeqNode s) {
            List<Node> items = new ArrayList<>(s.size());
            boolean changed = false;
            for (int i = 0; i < s.size(); i++) {
                path.add(Integer.toString(i));
                Node v = strip(s.get(i), path, paths);
                path.remove(path.size() - 1);
                if (v != null) {
                    items.add(v);
                }
                changed |= v != s.get(i);
            }
            return changed ? new SeqNode(items, s.mark(), s.tag()) : s;
        }
        return node;
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** Deletes every recorded path from {@code target}. */
    public MapNode apply(MapNode target) {
        MapNode out = target;
        for (List<String> p : paths) {
            out = (MapNode) delete(out, p, 0);
        }
        return out;
    }

    /** Resets recorded in both. */
    public Resets and(Resets other) {
        if (other.paths.isEmpty()) {
            return this;
        }
        List<List<String>> all = new ArrayList<>(paths);
        all.addAll(other.paths);
        return new Resets(List.copyOf(all));
    }

    private static Node delete(Node node, List<String> path, int i) {
        if (!(node instanceof MapNode m) || i >= path.size()) {
            return node;
        }
        String key = path.get(i);
        if (!m.has(key)) {
            return node;
        }
        if (i == path.size() - 1) {
            return m.without(key);
        }
        Node child = m.get(key);
        Node updated = delete(child, path, i + 1);
        return updated == child ? m : m.with(key, updated);
    }
}
