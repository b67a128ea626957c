package io.github.compose4j.load.tree;

import java.util.Objects;

/**
 * A YAML scalar, resolved the way Compose's YAML library resolves plain scalars. The value is one of
 * {@link String}, {@link Long}, {@link Double}, {@link Boolean}, or {@code null}; never another type.
 */
public record ScalarNode(Object value, Mark mark, Tag tag) implements Node {
    public ScalarNode {
        if (value != null && !(value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean)) {
            throw new IllegalArgumentException("unsupported scalar type " + value.getClass().getName());
        }
        Objects.requireNonNull(mark);
        Objects.requireNonNull(tag);
    }

    public ScalarNode(Object value, Mark mark) {
        this(value, mark, Tag.NONE);
    }

    public static ScalarNode of(Object value) {
        return new ScalarNode(value, Mark.NONE, Tag.NONE);
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    /** The value as text, formatted like Go's {@code fmt.Sprint} (which Compose uses for conversions). */
    public String text() {
        return GoFormat.sprint(value);
    }

    /** The same position and tag with another value. */
    public ScalarNode withValue(Object newValue) {
        return new ScalarNode(newValue, mark, tag);
    }

    @Override
    public ScalarNode withTag(Tag newTag) {
        return new ScalarNode(value, mark, newTag);
    }
}
