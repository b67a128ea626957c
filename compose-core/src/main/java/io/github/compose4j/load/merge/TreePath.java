package io.github.compose4j.load.merge;

/**
 * Where a node sits in the compose tree while merging: mapping keys, and {@code [i]} for sequence
 * items. Persistent (each step shares its parent), so walking a large tree allocates one small
 * object per visited node. Printed like Compose prints its paths in errors: segments joined by dots.
 */
final class TreePath {
    static final TreePath ROOT = new TreePath(null, "", 0);

    private final TreePath parent;
    private final String segment;
    private final int depth;

    private TreePath(TreePath parent, String segment, int depth) {
        this.parent = parent;
        this.segment = segment;
        this.depth = depth;
    }

    static TreePath of(String... segments) {
        TreePath p = ROOT;
        for (String s : segments) {
            p = p.next(s);
        }
        return p;
    }

    TreePath next(String key) {
        return new TreePath(this, key, depth + 1);
    }

    TreePath index(int i) {
        return next("[" + i + "]");
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
            if (!"*".equals(pattern[i]) && !pattern[i].equals(p.segment)) {
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
            parts[i] = p.segment;
            p = p.parent;
        }
        return String.join(".", parts);
    }
}
