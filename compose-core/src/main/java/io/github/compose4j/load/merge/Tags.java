package io.github.compose4j.load.merge;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code !reset} and {@code !override} inside one document the way Compose does while
 * decoding it: a {@code !reset} node disappears from its mapping or sequence, an {@code !override}
 * node stays. Below an {@code !override} node tags are not looked at (Compose stops there), so a
 * nested {@code !reset} is kept as a plain value. The result carries no tags.
 */
final class Tags {
    private Tags() {
    }

    /** The document without tags; the same instance when it had none. */
    static MapNode clean(MapNode document) {
        return (MapNode) clean(document, false);
    }

    private static Node clean(Node node, boolean literal) {
        if (node instanceof MapNode map) {
            return cleanMap(map, literal);
        }
        if (node instanceof SeqNode seq) {
            return cleanSeq(seq, literal);
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.tag() == Tag.NONE ? scalar : scalar.withTag(Tag.NONE);
    }

    private static Node cleanMap(MapNode map, boolean literal) {
        MapNode.Builder changed = null;
        for (int i = 0, size = map.size(); i < size; i++) {
            Node value = map.valueAt(i);
            Node cleaned = value.tag() == Tag.RESET && !literal
                    ? null
                    : clean(value, literal || value.tag() == Tag.OVERRIDE);
            if (cleaned != value && changed == null) {
                changed = map.toBuilder();
            }
            if (changed != null) {
                String key = map.keyAt(i);
                if (cleaned == null) {
                    changed.remove(key);
                } else {
                    changed.put(key, map.keyMark(key), cleaned);
                }
            }
        }
        if (changed == null) {
            return map.tag() == Tag.NONE ? map : map.withTag(Tag.NONE);
        }
        return changed.tag(Tag.NONE).build();
    }

    private static Node cleanSeq(SeqNode seq, boolean literal) {
        List<Node> items = null;
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            Node cleaned = item.tag() == Tag.RESET && !literal
                    ? null
                    : clean(item, literal || item.tag() == Tag.OVERRIDE);
            if (cleaned != item && items == null) {
                items = new ArrayList<>(seq.items().subList(0, i));
            }
            if (items != null && cleaned != null) {
                items.add(cleaned);
            }
        }
        if (items == null) {
            return seq.tag() == Tag.NONE ? seq : seq.withTag(Tag.NONE);
        }
        return new SeqNode(items, seq.mark());
    }
}
