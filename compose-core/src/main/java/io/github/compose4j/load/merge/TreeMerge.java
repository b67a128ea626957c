package io.github.compose4j.load.merge;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generic merge of two tag-free trees, deferring to {@link MergeRules} wherever a rule's path
 * pattern matches: mappings merge key by key, sequences append, anything else is replaced, a null
 * override keeps the base. Keys starting with {@code x-} are replaced whole at every level.
 *
 * <p>Marks: a value taken from the override keeps the override's marks (key and node); a merged
 * mapping or sequence keeps the base's, so errors point at where the winning text was written.
 */
final class TreeMerge {
    private TreeMerge() {
    }

    static Node merge(Node base, Node override, TreePath path) {
        MergeStrategy rule = MergeRules.TABLE.find(path);
        if (rule != null) {
            return rule.merge(base, override, path);
        }
        if (isNull(override)) {
            return base;
        }
        if (base instanceof MapNode map) {
            if (!(override instanceof MapNode other)) {
                throw cannotOverride(override, path);
            }
            return mergeMappings(map, other, path);
        }
        if (base instanceof SeqNode seq) {
            if (!(override instanceof SeqNode other)) {
                throw cannotOverride(override, path);
            }
            return concat(seq, other.items());
        }
        return override;
    }

    static MapNode mergeMappings(MapNode base, MapNode other, TreePath path) {
        if (other.isEmpty()) {
            return base;
        }
        MapNode.Builder merged = base.toBuilder();
        for (Map.Entry<String, Node> e : other.entries().entrySet()) {
            String key = e.getKey();
            Node value = e.getValue();
            Node existing = base.get(key);
            if (existing == null || key.startsWith("x-")) {
                merged.put(key, other.keyMark(key), value);
                continue;
            }
            Node result = merge(existing, value, path.next(key));
            merged.put(key, result == value ? other.keyMark(key) : base.keyMark(key), result);
        }
        return merged.build();
    }

    static SeqNode concat(SeqNode base, List<Node> more) {
        if (more.isEmpty()) {
            return base;
        }
        List<Node> items = new ArrayList<>(base.size() + more.size());
        items.addAll(base.items());
        items.addAll(more);
        return new SeqNode(items, base.mark());
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.value() == null;
    }

    static ComposeException cannotOverride(Node override, TreePath path) {
        return ComposeException.invalid(override.mark().prefix("cannot override " + path));
    }
}
