package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.Mark;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        if (closed.kind == RawNode.MAP && closed.textKeys && equalTexts(closed.children)) {
            closed.equalTextKeys = true;
            closed.pure = false;
        }
        if (depth > 0) {
            RawNode parent = open[depth - 1];
            if (parent.height < closed.height) {
                parent.height = closed.height;
            }
            parent.pure &= closed.pure;
            parent.size += closed.size;
        }
    }

    /**
     * Whether a mapping key is written as text that is no merge key: quoted, or plain text that cannot
     * resolve to anything else. Mappings with only such keys need no look at a key beyond its text.
     */
    private static boolean isTextKey(RawNode k) {
        return k.kind == RawNode.SCALAR && k.tag == null
                && (!k.plain || (GoScalars.isPlainString(k.value) && !k.value.equals("<<")));
    }

    private static boolean equalTexts(List<RawNode> c) {
        int pairs = c.size() / 2;
        if (pairs <= 8) {
            for (int i = 0; i < c.size(); i += 2) {
                String ki = c.get(i).value;
                for (int j = i + 2; j < c.size(); j += 2) {
                    if (ki.equals(c.get(j).value)) {
                        return true;
                    }
                }
            }
            return false;
        }
        Set<String> seen = new HashSet<>(pairs * 2);
        for (int i = 0; i < c.size(); i += 2) {
            if (!seen.add(c.get(i).value)) {
                return true;
            }
        }
        return false;
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
        node.pure = node.kind != RawNode.ALIAS && node.tag == null;
        node.textKeys = node.kind == RawNode.MAP;
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
            if (!isValue) {
                if (!isTextKey(node)) {
                    parent.textKeys = false;
                    parent.pure = false;
                }
            } else if (node.kind != RawNode.MAP && node.kind != RawNode.SEQ) {
                parent.pure &= node.pure; // a collection's own turn comes when it ends
                parent.size++;
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
