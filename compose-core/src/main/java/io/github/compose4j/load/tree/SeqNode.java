package io.github.compose4j.load.tree;

import java.util.List;
import java.util.Objects;

/** A YAML sequence. */
public record SeqNode(List<Node> items, Mark mark, Tag tag) implements Node {
    public SeqNode {
        items = List.copyOf(items);
        Objects.requireNonNull(mark);
        Objects.requireNonNull(tag);
    }

    public SeqNode(List<Node> items, Mark mark) {
        this(items, mark, Tag.NONE);
    }

    public int size() {
        return items.size();
    }

    public Node get(int index) {
        return items.get(index);
    }

    @Override
    public SeqNode withTag(Tag newTag) {
        return new SeqNode(items, mark, newTag);
    }
}
