package io.github.compose4j.load.tree;

/**
 * Where a node of the raw tree came from: a file and a 1-based line and column.
 * Nodes made by the loader itself (defaults, conversions) carry {@link #NONE}.
 */
public record Mark(String file, int line, int column) {
    public static final Mark NONE = new Mark("", 0, 0);

    public boolean isKnown() {
        return line > 0;
    }

    /** {@code file:line:column}, or just the file when the position is unknown. */
    @Override
    public String toString() {
        if (!isKnown()) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }

    /** Prefixes a message with this position, in the form every loader error uses. */
    public String prefix(String message) {
        if (!isKnown() && file.isEmpty()) {
            return message;
        }
        return this + ": " + message;
    }
}
