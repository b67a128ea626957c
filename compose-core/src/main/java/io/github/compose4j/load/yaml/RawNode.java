package io.github.compose4j.load.yaml;

import io.github.compose4j.load.tree.Mark;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the YAML graph as parsed, before any decoding: the equivalent of go-yaml's {@code yaml.Node}.
 * Aliases point at their anchored node, so the graph is as small as the text. Mutable conversion state
 * lives here too; one parse owns its nodes and runs on one thread.
 */
final class RawNode {
    static final byte SCALAR = 0;
    static final byte MAP = 1;
    static final byte SEQ = 2;
    static final byte ALIAS = 3;

    private static final List<RawNode> NO_CHILDREN = List.of();

    final byte kind;
    /** Short explicit tag ({@code !!int}, {@code !reset}), or null when absent or non-specific ({@code !}). */
    final String tag;
    /** Scalar text; the anchor name for an alias. */
    final String value;
    /** Whether a scalar is plain (not quoted, not a block scalar). */
    final boolean plain;
    final int line;
    final int column;
    /** Keys and values alternating for a mapping, items for a sequence. */
    final List<RawNode> children;
    /** The anchored node of an alias. */
    final RawNode target;

    /** The composer has not seen the end of this collection yet. */
    boolean composing;
    /** Levels of collections from here down once aliases are expanded (an upper bound). */
    int height;
    /** A child (a value, for a mapping) is tagged !reset, directly or through an alias. */
    boolean hasResetChild;
    /**
     * Neither this node nor any below has a tag, an alias, or (mappings) a key that is not text, a merge
     * key or a duplicate: it converts the same wherever it is met, needing no conversion state.
     */
    boolean pure;
    /** Nodes that converting this one produces: itself, values and items below (not keys). */
    int size = 1;
    /** A mapping whose keys are all text (see {@link GraphBuilder}), and whether two are equal. */
    boolean textKeys;
    boolean equalTextKeys;
    /** The converted tree of a pure node, once converted. */
    io.github.compose4j.load.tree.Node converted;

    // Conversion state.
    /** go-yaml's reset pass has removed this collection's {@code !reset} children. */
    boolean stripped;
    /** Path length at which this collection's conversion started, or -1 when not being converted. */
    int activeDepth = -1;
    /** Whether that conversion was entered through an alias. */
    boolean enteredViaAlias;
    private Mark mark;
    private GoScalars.Resolved resolved;

    private RawNode(byte kind, String tag, String value, boolean plain, int line, int column, RawNode target) {
        this.kind = kind;
        this.tag = tag;
        this.value = value;
        this.plain = plain;
        this.line = line;
        this.column = column;
        this.children = kind == MAP || kind == SEQ ? new ArrayList<>() : NO_CHILDREN;
        this.target = target;
    }

    static RawNode scalar(String tag, String value, boolean plain, int line, int column) {
        return new RawNode(SCALAR, tag, value, plain, line, column, null);
    }

    static RawNode collection(byte kind, String tag, int line, int column) {
        return new RawNode(kind, tag, "", false, line, column, null);
    }

    static RawNode alias(String anchor, RawNode target, int line, int column) {
        return new RawNode(ALIAS, null, anchor, false, line, column, target);
    }

    /** The node an alias stands for; the node itself otherwise. */
    RawNode deref() {
        return kind == ALIAS ? target : this;
    }

    Mark mark(String file) {
        Mark m = mark;
        if (m == null) {
            m = new Mark(file, line, column);
            mark = m;
        }
        return m;
    }

    boolean isTagged(String t) {
        return t.equals(tag);
    }

    /** go-yaml's "indicated string": quoted or block scalars without a tag, or anything tagged !!str. */
    boolean indicatedString() {
        return kind == SCALAR && (GoScalars.STR.equals(tag) || (tag == null && !plain));
    }

    /** go-yaml's {@code Node.ShortTag()}. */
    String shortTag() {
        switch (kind) {
            case ALIAS:
                return target.shortTag();
            case MAP:
                return tag != null ? tag : GoScalars.MAP;
            case SEQ:
                return tag != null ? tag : GoScalars.SEQ;
            default:
                if (tag != null) {
                    return tag;
                }
                if (!plain) {
                    return GoScalars.STR;
                }
                if ("<<".equals(value)) {
                    return GoScalars.MERGE;
                }
                return GoScalars.isPlainString(value) ? GoScalars.STR : resolved().tag();
        }
    }

    /** go-yaml's resolution of this scalar, computed once. */
    GoScalars.Resolved resolved() {
        GoScalars.Resolved r = resolved;
        if (r == null) {
            r = GoScalars.resolve(tag, value);
            resolved = r;
        }
        return r;
    }

    /** A mapping key go-yaml treats as a merge key. */
    boolean isMergeKey() {
        return kind == SCALAR && "<<".equals(value) && (GoScalars.MERGE.equals(tag) || (tag == null && plain));
    }
}
