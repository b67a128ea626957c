package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast parser for the YAML that compose files are written in: block mappings and sequences (indentless
 * ones too), flow collections, plain, quoted and block scalars, anchors, aliases, tags, comments and
 * document markers. It feeds the same {@link GraphBuilder} as {@link RawComposer} with the same events,
 * positions and values, and gives up on anything outside that subset or in doubt (directives, complex
 * keys, properties on keys, unusual characters, any error). The caller then parses the text again with
 * the general parser, which reports errors as Compose does; so this parser never words an error.
 *
 * <p>Every rule here mirrors what snakeyaml-engine does with the same text, including its leniencies
 * (a comment right after a closing quote, tabs inside plain scalars); where the two could differ, this
 * parser gives up.
 */
final class SubsetParser {
    /** Thrown to abandon the fast path; carries nothing, costs nothing. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();
    /** Deeper text is left to the general parser, whose depth costs no stack. */
    private static final int MAX_NESTING = 64;
    /** snakeyaml-engine refuses simple keys of more than 1024 characters. */
    private static final int MAX_KEY = 1000;
    /** Marks the end of the text; no character of an accepted text is NUL. */
    private static final char EOF = 0;
    private static final int PADDING = 8;

    private final char[] s;
    private final int n;
    private final GraphBuilder graph;
    private final StringBuilder sb = new StringBuilder();
    private int pos;
    /** 1-based number of the line holding {@code pos}. */
    private int line = 1;
    private int lineStart;
    /** 0-based column of the content line the parser stands at, or -1 at the end of the text. */
    private int col;
    private int nesting;
    /** Whether the last plain scalar's scan ended on a later line. */
    private boolean crossed;
    private String propTag;
    private String propAnchor;

    private SubsetParser(char[] s, GraphBuilder graph) {
        this.s = s;
        this.n = s.length - PADDING;
        this.graph = graph;
    }

    /** The document roots, or null when the general parser must handle this text. */
    static List<RawNode> parse(String file, String text, YamlLimits limits) {
        char[] chars = prepare(text);
        if (chars == null) {
            return null;
        }
        try {
            return new SubsetParser(chars, new GraphBuilder(file, limits)).stream();
        } catch (GiveUp | ComposeException | StackOverflowError e) {
            return null;
        }
    }

    /**
     * The text as characters with CRLF line breaks made LF (positions do not change), followed by
     * {@link #PADDING} NULs so that scans may look a few characters past the end; or null when the text
     * holds a character the general parser treats specially: controls (NUL among them), lone CRs, NEL,
     * byte order marks, surrogates (columns count code points) and non-characters.
     */
    static char[] prepare(String text) {
        int length = text.length();
        char[] c = new char[length + PADDING];
        text.getChars(0, length, c, 0);
        int crs = 0;
        for (int i = 0; i < length; i++) {
            char ch = c[i];
            if (ch < 0x20) {
                if (ch == '\n' || ch == '\t') {
                    continue;
                }
                if (ch == '\r' && c[i + 1] == '\n') {
                    crs++;
                    continue;
                }
                return null;
            }
            if (ch >= 0x7F && (ch < 0xA0 || (ch >= 0xD800 && ch < 0xE000) || ch == 0xFEFF || ch >= 0xFFFE)) {
                return null;
            }
        }
        if (crs == 0) {
            return c;
        }
        char[] out = new char[c.length - crs];
        int j = 0;
        for (int i = 0; i < length; i++) {
            if (c[i] != '\r') {
                out[j++] = c[i];
            }
        }
        return out;
    }

    private static RuntimeException giveUp() {
        throw GIVE_UP;
    }

    // ---- documents ----

    private List<RawNode> stream() {
        List<RawNode> docs = new ArrayList<>(2);
        skipToContent();
        boolean first = true;
        while (col >= 0) {
            if (col == 0 && docStart(pos)) {
                pos += 3;
                endLine();
                if (col < 0 || (col == 0 && (docStart(pos) || docEnd(pos)))) {
                    throw giveUp(); // an empty document
                }
            } else if (!first) {
                throw giveUp();
            }
            if (col == 0 && (docEnd(pos) || s[pos] == '%')) {
                throw giveUp();
            }
            root();
            docs.add(graph.finishDocument());
            first = false;
        }
        return docs;
    }

    private void root() {
        if (s[pos] == '{') {
            flowCollection(null, null, line, col1(pos));
            endLine();
        } else {
            if (!keyAhead()) {
                throw giveUp();
            }
            blockMapping(col, null, null, line, col1(pos));
        }
        if (col >= 0 && !(col == 0 && docStart(pos))) {
            throw giveUp();
        }
    }

    // ---- block collections ----

    private void blockMapping(int indent, String tag, String anchor, int markLine, int markColumn) {
        enter();
        graph.mapping(tag, anchor, markLine, markColumn);
        while (true) {
            key();
            value(indent, line, col1(pos), false);
            if (col != indent) {
                if (col > indent) {
                    throw giveUp();
                }
                break;
            }
            if (indent == 0 && (docStart(pos) || docEnd(pos))) {
                break;
            }
        }
        graph.end();
        nesting--;
    }

    /** A simple key and its ':' on the current line; leaves pos after the ':'. */
    private void key() {
        int keyLine = line;
        int keyColumn = col1(pos);
        int start = pos;
        char c = s[pos];
        if (c == '"' || c == '\'') {
            String v = quoted(c);
            graph.scalar(null, null, v, false, keyLine, keyColumn);
            while (s[pos] == ' ') {
                pos++;
            }
        } else {
            if (!plainStart(false)) {
                throw giveUp();
            }
            graph.scalar(null, null, scanPlain(false, 0), true, keyLine, keyColumn);
        }
        if (line != keyLine || s[pos] != ':' || !blank(s[pos + 1]) || pos - start > MAX_KEY) {
            throw giveUp();
        }
        pos++;
    }

    private void blockSequence(int indent, String tag, String anchor, int markLine, int markColumn,
                               boolean indentless) {
        enter();
        graph.sequence(tag, anchor, markLine, markColumn);
        while (true) {
            pos++; // the '-'
            value(indent, line, col1(pos), true);
            if (col != indent) {
                if (col > indent) {
                    throw giveUp();
                }
                break;
            }
            if (!(s[pos] == '-' && blank(s[pos + 1]))) {
                if (indentless) {
                    break;
                }
                throw giveUp();
            }
        }
        graph.end();
        nesting--;
    }

    /**
     * The node after a mapping's ':' or a sequence's '-', in a collection at {@code indent}; an absent
     * node is an empty scalar at {@code emptyLine:emptyColumn}. Leaves the parser at the next content line.
     */
    private void value(int indent, int emptyLine, int emptyColumn, boolean entry) {
        while (s[pos] == ' ') {
            pos++;
        }
        char c = s[pos];
        String tag = null;
        String anchor = null;
        boolean props = c == '&' || c == '!';
        int markLine = line;
        int markColumn = col1(pos);
        if (props) {
            props();
            tag = propTag;
            anchor = propAnchor;
            c = s[pos];
        }
        if (c == '#' || c == '\n' || c == EOF) {
            endLine();
            if (col > indent) {
                nodeOnNewLine(indent, tag, anchor, props, markLine, markColumn);
            } else if (!entry && col == indent && s[pos] == '-' && blank(s[pos + 1])) {
                blockSequence(indent, tag, anchor, props ? markLine : line, props ? markColumn : col1(pos), true);
            } else if (props) {
                graph.scalar(tag, anchor, "", true, markLine, markColumn);
            } else {
                graph.scalar(null, null, "", true, emptyLine, emptyColumn);
            }
            return;
        }
        if (entry && !props) {
            if (c == '-' && blank(s[pos + 1])) {
                blockSequence(pos - lineStart, null, null, line, col1(pos), false);
                return;
            }
            if (keyAhead()) {
                blockMapping(pos - lineStart, null, null, line, col1(pos));
                return;
            }
        }
        inlineNode(indent, tag, anchor, markLine, markColumn);
    }

    /** A node starting a line of its own, deeper than its parent collection at {@code indent}. */
    private void nodeOnNewLine(int indent, String tag, String anchor, boolean props, int propLine, int propColumn) {
        char c = s[pos];
        int markLine = props ? propLine : line;
        int markColumn = props ? propColumn : col1(pos);
        if (c == '-' && blank(s[pos + 1])) {
            blockSequence(col, tag, anchor, markLine, markColumn, false);
        } else if (c == '&' || c == '!') {
            throw giveUp();
        } else if (keyAhead()) {
            blockMapping(col, tag, anchor, markLine, markColumn);
        } else {
            inlineNode(indent, tag, anchor, markLine, markColumn);
        }
    }

    /** A node that is no block collection, in block context; leaves the parser at the next content line. */
    private void inlineNode(int indent, String tag, String anchor, int markLine, int markColumn) {
        char c = s[pos];
        switch (c) {
            case '*':
                if (tag != null || anchor != null) {
                    throw giveUp();
                }
                graph.alias(name(), markLine, markColumn);
                c = s[pos];
                if (c != ' ' && c != '\n' && c != EOF) {
                    throw giveUp(); // snakeyaml reads more of the name than libyaml allows
                }
                endLine();
                return;
            case '[':
            case '{':
                flowCollection(tag, anchor, markLine, markColumn);
                endLine();
                return;
            case '"':
            case '\'':
                graph.scalar(tag, anchor, quoted(c), false, markLine, markColumn);
                endLine();
                return;
            case '|':
            case '>':
                blockScalar(indent, tag, anchor, markLine, markColumn);
                return;
            default:
                if (!plainStart(false)) {
                    throw giveUp();
                }
                graph.scalar(tag, anchor, scanPlain(false, indent + 1), true, markLine, markColumn);
                if (s[pos] == ':') {
                    throw giveUp(); // a value indicator snakeyaml refuses here
                }
                if (crossed) {
                    lineContent();
                } else {
                    endLine();
                }
        }
    }

    /** Anchor and tag, in either order, each followed by a space or a line break. */
    private void props() {
        propTag = null;
        propAnchor = null;
        boolean hasTag = false;
        boolean hasAnchor = false;
        while (true) {
            char c = s[pos];
            if (c == '&' && !hasAnchor) {
                propAnchor = name();
                hasAnchor = true;
            } else if (c == '!' && !hasTag) {
                propTag = tag();
                hasTag = true;
            } else {
                return;
            }
            c = s[pos];
            if (c != ' ' && c != '\n' && c != EOF) {
                throw giveUp();
            }
            while (s[pos] == ' ') {
                pos++;
            }
        }
    }

    /** An anchor or alias name after its '&' or '*': the characters libyaml accepts. */
    private String name() {
        int start = ++pos;
        while (true) {
            char c = s[pos];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                pos++;
            } else {
                break;
            }
        }
        if (pos == start) {
            throw giveUp();
        }
        return new String(s, start, pos - start);
    }

    /** A tag as its short form ({@code !!str}, {@code !reset}); null for the non-specific {@code !}. */
    private String tag() {
        int start = pos;
        char d = s[pos + 1];
        if (d == ' ' || d == '\n' || d == EOF) {
            pos++;
            return null;
        }
        int p = d == '!' ? pos + 2 : pos + 1;
        int suffix = p;
        while (tagChar(s[p])) {
            p++;
        }
        if (p == suffix) {
            throw giveUp();
        }
        pos = p;
        return new String(s, start, p - start);
    }

    /** URI characters snakeyaml accepts in a tag suffix, except '!' and '%' (escapes). */
    private static boolean tagChar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        switch (c) {
            case '-': case ';': case '/': case '?': case ':': case '@': case '&': case '=': case '+': case '$':
            case '_': case '.': case '~': case '*': case '\'': case '(': case ')':
                return true;
            default:
                return false;
        }
    }

    // ---- lines ----

    /** From the start of a line, skips blank and comment lines to the next content. */
    private void skipToContent() {
        while (true) {
            int p = pos;
            while (s[p] == ' ') {
                p++;
            }
            pos = p;
            char c = s[p];
            if (c == '\n') {
                newline();
            } else if (c == '#') {
                skipComment();
                if (s[pos] != '\n') {
                    col = -1;
                    return;
                }
                newline();
            } else if (c == EOF) {
                col = -1;
                return;
            } else if (c == '\t') {
                throw giveUp(); // snakeyaml takes a tab there for a token
            } else {
                col = p - lineStart;
                return;
            }
        }
    }

    /** After a node: the rest of the line may only hold spaces and a comment. */
    private void endLine() {
        while (s[pos] == ' ') {
            pos++;
        }
        char c = s[pos];
        if (c == '#') {
            skipComment();
            c = s[pos];
        }
        if (c == '\n') {
            newline();
            skipToContent();
        } else if (c == EOF) {
            col = -1;
        } else {
            throw giveUp();
        }
    }

    /** The parser stands after the indentation of a line (a scan ended there). */
    private void lineContent() {
        char c = s[pos];
        if (c == '#' || c == '\n') {
            endLine();
        } else if (c == EOF) {
            col = -1;
        } else if (c == '\t') {
            throw giveUp();
        } else {
            col = pos - lineStart;
        }
    }

    private void skipComment() {
        while (pos < n && s[pos] != '\n') {
            pos++;
        }
    }

    /** Steps over the line break at pos. */
    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    private boolean docStart(int p) {
        return p == lineStart && s[p] == '-' && s[p + 1] == '-' && s[p + 2] == '-' && blank(s[p + 3]);
    }

    private boolean docEnd(int p) {
        return p == lineStart && s[p] == '.' && s[p + 1] == '.' && s[p + 2] == '.' && blank(s[p + 3]);
    }

    // ---- scalars ----

    /** Whether the line from pos holds a simple key and its ':' (a cheap look ahead, no strings). */
    private boolean keyAhead() {
        char c = s[pos];
        int p;
        if (c == '"' || c == '\'') {
            p = pos + 1;
            while (true) {
                char d = s[p];
                if (d == EOF || d == '\n') {
                    return false;
                }
                if (d == c) {
                    if (c == '\'' && s[p + 1] == '\'') {
                        p += 2;
                        continue;
                    }
                    break;
                }
                p += c == '"' && d == '\\' ? 2 : 1;
            }
            p++;
            while (s[p] == ' ') {
                p++;
            }
            return s[p] == ':' && blank(s[p + 1]);
        }
        if (!plainStart(false)) {
            return false;
        }
        p = pos;
        while (true) {
            char d = s[p];
            if (d == ' ' || d == '\t') {
                while (s[p] == ' ' || s[p] == '\t') {
                    p++;
                }
                if (s[p] == '#') {
                    return false;
                }
                continue;
            }
            if (d == '\n' || d == EOF) {
                return false;
            }
            if (d == ':' && blank(s[p + 1])) {
                return true;
            }
            p++;
        }
    }

    /** snakeyaml's test for the start of a plain scalar at pos. */
    private boolean plainStart(boolean flow) {
        char c = s[pos];
        switch (c) {
            case EOF: case ' ': case '\t': case '\n': case '\r': case ',': case '[': case ']': case '{': case '}':
            case '#': case '&': case '*': case '!': case '|': case '>': case '\'': case '"': case '%': case '@':
            case '`':
                return false;
            case '-':
            case '?': {
                char d = s[pos + 1];
                return !blank(d) && (!flow || (d != ',' && d != ']'));
            }
            case ':':
                return !flow && !blank(s[pos + 1]);
            default:
                return true;
        }
    }

    /**
     * snakeyaml's plain scalar scan. It ends where snakeyaml's does: after the whitespace that follows
     * the last chunk, line breaks included ({@link #crossed} then tells), or at a ':' or comment.
     */
    private String scanPlain(boolean flow, int plainIndent) {
        int start = pos;
        int end = pos;
        StringBuilder b = null;
        int fold = -1; // line breaks before the next chunk; -1: none, the whitespace is raw
        int ws = pos;
        crossed = false;
        while (s[pos] != '#') {
            int chunk = pos;
            while (true) {
                char c = s[pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == EOF) {
                    break;
                }
                if (c == ':') {
                    char d = s[pos + 1];
                    if (blank(d) || (flow && flowIndicator(d))) {
                        break;
                    }
                } else if (flow && flowIndicator(c)) {
                    break;
                }
                pos++;
            }
            if (pos == chunk) {
                break;
            }
            if (fold >= 0) {
                if (b == null) {
                    b = sb;
                    b.setLength(0);
                    b.append(s, start, end - start);
                }
                if (fold == 0) {
                    b.append(' ');
                } else {
                    for (int i = 0; i < fold; i++) {
                        b.append('\n');
                    }
                }
                b.append(s, chunk, pos - chunk);
            } else if (b != null) {
                b.append(s, ws, pos - ws);
            }
            end = pos;
            crossed = false;
            fold = -1;
            ws = pos;
            while (s[pos] == ' ' || s[pos] == '\t') {
                pos++;
            }
            if (s[pos] == '\n') {
                newline();
                crossed = true;
                if (plainDocMarker()) {
                    break;
                }
                fold = 0;
                boolean marker = false;
                while (true) {
                    char c = s[pos];
                    if (c == ' ') {
                        pos++;
                    } else if (c == '\n') {
                        newline();
                        fold++;
                        if (plainDocMarker()) {
                            marker = true;
                            break;
                        }
                    } else {
                        break;
                    }
                }
                if (marker) {
                    break;
                }
            } else if (pos == ws) {
                break;
            }
            if (!flow && pos - lineStart < plainIndent) {
                break;
            }
        }
        return b == null ? new String(s, start, end - start) : b.toString();
    }

    /** The document markers that end a plain scalar at a line start (snakeyaml checks "---" loosely). */
    private boolean plainDocMarker() {
        return (s[pos] == '-' && s[pos + 1] == '-' && s[pos + 2] == '-')
                || (s[pos] == '.' && s[pos + 1] == '.' && s[pos + 2] == '.' && blank(s[pos + 3]));
    }

    /** A single- or double-quoted scalar at pos; leaves pos after the closing quote. */
    private String quoted(char q) {
        int open = pos;
        int p = pos + 1;
        while (true) {
            char c = s[p];
            if (c == q) {
                if (q == '\'' && s[p + 1] == '\'') {
                    break;
                }
                pos = p + 1;
                return new String(s, open + 1, p - open - 1);
            }
            if (c == '\n' || c == EOF || (c == '\\' && q == '"')) {
                break;
            }
            p++;
        }
        return quotedSlow(q);
    }

    /** Quoted scalars with escapes or line breaks, folded as snakeyaml folds them. */
    private String quotedSlow(char q) {
        StringBuilder b = sb;
        b.setLength(0);
        boolean dq = q == '"';
        pos++;
        while (true) {
            while (true) {
                char c = s[pos];
                if (c == EOF) {
                    throw giveUp();
                }
                if (c == ' ' || c == '\t' || c == '\n') {
                    break;
                }
                if (c == '\'' && !dq) {
                    if (s[pos + 1] != '\'') {
                        break;
                    }
                    b.append('\'');
                    pos += 2;
                } else if (c == '"' && dq) {
                    break;
                } else if (c == '\\' && dq) {
                    escape(b);
                } else {
                    b.append(c);
                    pos++;
                }
            }
            if (s[pos] == q) {
                pos++;
                return b.toString();
            }
            int ws = pos;
            while (s[pos] == ' ' || s[pos] == '\t') {
                pos++;
            }
            char c = s[pos];
            if (c == EOF) {
                throw giveUp();
            }
            if (c == '\n') {
                newline();
                int breaks = quotedBreaks();
                if (breaks == 0) {
                    b.append(' ');
                }
                for (int i = 0; i < breaks; i++) {
                    b.append('\n');
                }
            } else {
                b.append(s, ws, pos - ws);
            }
        }
    }

    /** Line breaks after the first inside a quoted scalar, with the indentation of the lines skipped. */
    private int quotedBreaks() {
        int breaks = 0;
        while (true) {
            if ((s[pos] == '-' && s[pos + 1] == '-' && s[pos + 2] == '-' && blank(s[pos + 3]))
                    || (s[pos] == '.' && s[pos + 1] == '.' && s[pos + 2] == '.' && blank(s[pos + 3]))) {
                throw giveUp();
            }
            while (s[pos] == ' ' || s[pos] == '\t') {
                pos++;
            }
            if (s[pos] != '\n') {
                return breaks;
            }
            newline();
            breaks++;
        }
    }

    /** A double-quoted scalar's escape at pos, the escapes snakeyaml-engine knows. */
    private void escape(StringBuilder b) {
        char e = s[++pos];
        String replacement = switch (e) {
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'v' -> "\u000B";
            case 'f' -> "\f";
            case 'r' -> "\r";
            case 'e' -> "\u001B";
            case ' ' -> " ";
            case '"' -> "\"";
            case '/' -> "/";
            case '\\' -> "\\";
            case 'N' -> "\u0085";
            case '_' -> "\u00A0";
            default -> null;
        };
        if (replacement != null) {
            b.append(replacement);
            pos++;
            return;
        }
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        if (digits > 0) {
            pos++;
            if (pos + digits > n) {
                throw giveUp();
            }
            long cp = 0;
            for (int i = 0; i < digits; i++) {
                char h = s[pos + i];
                int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (d < 0) {
                    throw giveUp();
                }
                cp = cp * 16 + d;
            }
            if (cp > Character.MAX_CODE_POINT) {
                throw giveUp();
            }
            b.appendCodePoint((int) cp);
            pos += digits;
            return;
        }
        if (e == '\n') {
            newline();
            int breaks = quotedBreaks();
            for (int i = 0; i < breaks; i++) {
                b.append('\n');
            }
            return;
        }
        throw giveUp();
    }

    /** A literal or folded block scalar in a collection at {@code indent}; ends at the next content line. */
    private void blockScalar(int indent, String tag, String anchor, int markLine, int markColumn) {
        boolean folded = s[pos] == '>';
        pos++;
        char chomp = 0;
        int increment = -1;
        char c = s[pos];
        if (c == '-' || c == '+') {
            chomp = c;
            c = s[++pos];
            if (c >= '0' && c <= '9') {
                increment = c - '0';
                pos++;
            }
        } else if (c >= '0' && c <= '9') {
            increment = c - '0';
            c = s[++pos];
            if (c == '-' || c == '+') {
                chomp = c;
                pos++;
            }
        }
        if (increment == 0) {
            throw giveUp();
        }
        c = s[pos];
        if (c != ' ' && c != '\n' && c != EOF) {
            throw giveUp();
        }
        while (s[pos] == ' ') {
            pos++;
        }
        if (s[pos] == '#') {
            skipComment();
        }
        if (s[pos] == '\n') {
            newline();
        } else if (pos < n) {
            throw giveUp();
        }
        int minIndent = Math.max(indent + 1, 1);
        int blockIndent;
        int breaks;
        if (increment > 0) {
            blockIndent = minIndent + increment - 1;
            breaks = blockBreaks(blockIndent);
        } else {
            int maxIndent = 0;
            breaks = 0;
            while (true) {
                c = s[pos];
                if (c == ' ') {
                    pos++;
                    maxIndent = Math.max(maxIndent, pos - lineStart);
                } else if (c == '\n') {
                    newline();
                    breaks++;
                } else {
                    break;
                }
            }
            blockIndent = Math.max(minIndent, maxIndent);
        }
        if (pos - lineStart < blockIndent && indent != pos - lineStart) {
            throw giveUp();
        }
        StringBuilder b = sb;
        b.setLength(0);
        boolean lineBreak = false;
        while (pos - lineStart == blockIndent && pos < n) {
            for (int i = 0; i < breaks; i++) {
                b.append('\n');
            }
            boolean leadingNonSpace = s[pos] != ' ' && s[pos] != '\t';
            int start = pos;
            while (pos < n && s[pos] != '\n') {
                pos++;
            }
            b.append(s, start, pos - start);
            lineBreak = pos < n;
            if (lineBreak) {
                newline();
            }
            breaks = blockBreaks(blockIndent);
            if (pos - lineStart == blockIndent && pos < n) {
                if (folded && lineBreak && leadingNonSpace && s[pos] != ' ' && s[pos] != '\t') {
                    if (breaks == 0) {
                        b.append(' ');
                    }
                } else if (lineBreak) {
                    b.append('\n');
                }
            } else {
                break;
            }
        }
        if (chomp != '-' && lineBreak) {
            b.append('\n');
        }
        if (chomp == '+') {
            for (int i = 0; i < breaks; i++) {
                b.append('\n');
            }
        }
        graph.scalar(tag, anchor, b.toString(), false, markLine, markColumn);
        lineContent();
    }

    /** Line breaks inside a block scalar, with up to {@code indent} spaces of each line skipped. */
    private int blockBreaks(int indent) {
        int column = pos - lineStart;
        while (column < indent && s[pos] == ' ') {
            pos++;
            column++;
        }
        int breaks = 0;
        while (s[pos] == '\n') {
            newline();
            breaks++;
            column = 0;
            while (column < indent && s[pos] == ' ') {
                pos++;
                column++;
            }
        }
        return breaks;
    }

    // ---- flow collections ----

    private void flowCollection(String tag, String anchor, int markLine, int markColumn) {
        enter();
        boolean map = s[pos] == '{';
        char close = map ? '}' : ']';
        if (map) {
            graph.mapping(tag, anchor, markLine, markColumn);
        } else {
            graph.sequence(tag, anchor, markLine, markColumn);
        }
        pos++;
        skipFlowSpace();
        if (s[pos] != close) {
            while (true) {
                if (map) {
                    flowPair();
                } else {
                    flowNode();
                }
                skipFlowSpace();
                char c = s[pos];
                if (c == ',') {
                    pos++;
                    skipFlowSpace();
                    if (s[pos] == close) {
                        break;
                    }
                } else if (c == close) {
                    break;
                } else {
                    throw giveUp();
                }
            }
        }
        pos++;
        graph.end();
        nesting--;
    }

    private void flowPair() {
        int keyLine = line;
        int keyColumn = col1(pos);
        int start = pos;
        char c = s[pos];
        if (c == '"' || c == '\'') {
            String v = quoted(c);
            graph.scalar(null, null, v, false, keyLine, keyColumn);
            while (s[pos] == ' ') {
                pos++;
            }
        } else if (plainStart(true)) {
            graph.scalar(null, null, scanPlain(true, 0), true, keyLine, keyColumn);
        } else {
            throw giveUp();
        }
        if (line != keyLine || s[pos] != ':' || pos - start > MAX_KEY) {
            throw giveUp();
        }
        pos++;
        int emptyLine = line;
        int emptyColumn = col1(pos);
        skipFlowSpace();
        c = s[pos];
        if (c == ',' || c == '}') {
            graph.scalar(null, null, "", true, emptyLine, emptyColumn);
        } else {
            flowNode();
        }
    }

    private void flowNode() {
        int markLine = line;
        int markColumn = col1(pos);
        char c = s[pos];
        String tag = null;
        String anchor = null;
        if (c == '&' || c == '!') {
            props();
            tag = propTag;
            anchor = propAnchor;
            skipFlowSpace();
            c = s[pos];
            if (c == '*' || c == ',' || c == ']' || c == '}' || c == EOF) {
                throw giveUp();
            }
        }
        switch (c) {
            case '*': {
                String name = name();
                c = s[pos];
                if (!(c == ' ' || c == '\n' || c == ',' || c == ']' || c == '}')) {
                    throw giveUp();
                }
                graph.alias(name, markLine, markColumn);
                return;
            }
            case '[':
            case '{':
                flowCollection(tag, anchor, markLine, markColumn);
                return;
            case '"':
            case '\'':
                graph.scalar(tag, anchor, quoted(c), false, markLine, markColumn);
                return;
            default:
                if (!plainStart(true)) {
                    throw giveUp();
                }
                graph.scalar(tag, anchor, scanPlain(true, 0), true, markLine, markColumn);
        }
    }

    /** Spaces, line breaks and comments between flow tokens. */
    private void skipFlowSpace() {
        while (true) {
            char c = s[pos];
            if (c == ' ') {
                pos++;
            } else if (c == '\n') {
                newline();
                if (docStart(pos) || docEnd(pos) || s[pos] == '%') {
                    throw giveUp();
                }
            } else if (c == '#') {
                skipComment();
            } else if (c == '\t') {
                throw giveUp();
            } else {
                return;
            }
        }
    }

    // ---- helpers ----

    private int col1(int p) {
        return p - lineStart + 1;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == EOF || c == '\r';
    }

    private static boolean flowIndicator(char c) {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw giveUp();
        }
    }
}
