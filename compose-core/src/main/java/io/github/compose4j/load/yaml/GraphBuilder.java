package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.Mark;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds {@link RawNode} graphs from a stream of node events, whichever parser produces them, so that
 * both parsers give the same graphs and refuse the same files. Collections are kept on an explicit stack:
 * nesting depth costs heap, not stack. Like go-yaml, anchors stay visible in later documents.
 */
final class GraphBuilder {
    private final String file;
    private final YamlLimits limits;
    private final Map<String, RawNode> anchors = new HashMap<>();
    private RawNode[] open = new RawNode[16];
    private int depth;
    private RawNode root;
    private long nodes;

    GraphBuilder(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /**
     * @param tag short explicit tag, or null
     * @param anchor anchor name, or null
     */
    void scalar(String tag, String anchor, String value, boolean plain, int line, int column) {
        add(RawNode.scalar(tag, value, plain, line, column), anchor);
    }

    void mapping(String tag, String anchor, int line, int column) {
        add(RawNode.collection(RawNode.MAP, tag, line, column), anchor);
    }

    void sequence(String tag, String anchor, int line, int column) {
        add(RawNode.collection(RawNode.SEQ, tag, line, column), anchor);
    }

    void alias(String name, int line, int column) {
        checkAnchorName(name, line, column);
        RawNode target = anchors.get(name);
        if (target == null) {
            throw ComposeException.invalid(new Mark(file, line, column).prefix("yaml: unknown anchor '" + name
                    + "' referenced"));
        }
        RawNode node = RawNode.alias(name, target, line, column);
        // An alias to a node still open is recursive: its expansion has no end.
        node.height = target.composing ? Integer.MAX_VALUE / 2 : target.height;
        add(node, null);
    }

    /** Closes the innermost open collection. */
    void end() {
        RawNode closed = open[--depth];
        open[depth] = null;
        closed.composing = false;
        closed.height++;
        if (depth > 0 && open[depth - 1].height < closed.height) {
            open[depth - 1].height = closed.height;
        }
    }

    /** The root of the document just completed; the next node starts a new document. */
    RawNode finishDocument() {
        RawNode r = root;
        root = null;
        return r;
    }

    private void add(RawNode node, String anchor) {
        if (++nodes > limits.maxNodes()) {
            throw ComposeException.invalid(new Mark(file, node.line, node.column).prefix("yaml: the file has more than "
                    + limits.maxNodes() + " nodes, the most this loader accepts"));
        }
        if (anchor != null) {
            checkAnchorName(anchor, node.line, node.column);
            anchors.put(anchor, node);
        }
        if (depth == 0) {
            root = node;
        } else {
            RawNode parent = open[depth - 1];
            boolean isValue = parent.kind == RawNode.SEQ || parent.children.size() % 2 == 1;
            if (isValue && node.deref().isTagged("!reset")) {
                parent.hasResetChild = true;
            }
            parent.children.add(node);
            if (node.kind == RawNode.ALIAS && parent.height < node.height) {
                parent.height = node.height;
            }
        }
        if (node.kind == RawNode.MAP || node.kind == RawNode.SEQ) {
            if (depth >= limits.maxDepth()) {
                throw ComposeException.invalid(new Mark(file, node.line, node.column).prefix(
                        "yaml: the document is nested more than " + limits.maxDepth() + " levels deep"));
            }
            node.composing = true;
            if (depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = node;
        }
    }

    /** libyaml only accepts letters, digits, '_' and '-' in anchor names. */
    private void checkAnchorName(String name, int line, int column) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-')) {
                throw ComposeException.invalid(new Mark(file, line, column).prefix(
                        "yaml: did not find expected alphabetic or numeric character"));
            }
        }
    }
}
