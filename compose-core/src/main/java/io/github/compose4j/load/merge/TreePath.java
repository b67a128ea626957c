package io.github.compose4j.load.merge;

/**
 * Where a node sits in the compose tree while merging: mapping keys, and {@code [i]} for sequence
 * items. Persistent (each step shares its parent), so walking a large tree allocates one small
 * object per visited node. Printed like Compose prints its paths in errors: segments joined by dots.
 */
final class TreePath {
    static final TreePath ROOT = new TreePath(null, "", 0, -1);

    private final TreePath parent;
    /** Null for a sequence item until needed: item paths are mostly built for messages that never come. */
    private String segment;
    private final int depth;
    private final int index;

    private TreePath(TreePath parent, String segment, int depth, int index) {
        this.parent = parent;
        this.segment = segment;
        this.depth = depth;
        this.index = index;
    }

    private String segment() {
        String s = segment;
        if (s == null) {
            s = "[" + index + "]";
            segment = s;
        }
        return s;
    }

    static TreePath of(String... segments) {
        TreePath p = ROOT;
        for (String s : segments) {
            p = p.next(s);
        }
        return p;
    }

    TreePath next(String key) {
        return new TreePath(this, key, depth + 1, -1);
    }

    TreePath index(int i) {
        return new TreePath(this, null, depth + 1, i);
    }

    int depth() {
        return depth;
    }

    /** True when every segment equals the pattern's, a {@code *} in the pattern matching any one. */
    boolean matches(String[] pattern) {
        if (pattern.length != depth) {
            return false;
        }
        TreePath p = this;
        for (int i = pattern.length - 1; i >= 0; i--) {
            if (!"*".equals(pattern[i]) && !pattern[i].equals(p.segment())) {
                return false;
            }
            p = p.parent;
        }
        return true;
    }

    @Override
    public String toString() {
        if (depth == 0) {
            return "";
        }
        String[] parts = new String[depth];
        TreePath p = this;
        for (int i = depth - 1; i >= 0; i--) {
            parts[i] = p.segment();
            p = p.parent;
        }
        return String.join(".", parts);
    }
}
