package io.github.compose4j.load.interpolate;

/**
 * Finds substitutions in one string the way Compose's regular expression does, without a regex
 * engine: {@code $$}, {@code $NAME}, {@code ${NAME}}, {@code ${NAME<op>...}} and, failing those, a
 * bare {@code ${} that is an invalid template. Anything else after {@code $} is no match.
 *
 * <p>Compose's pattern is case-insensitive over {@code [_a-z]}, which under Unicode folding also
 * admits U+017F (long s) and U+212A (Kelvin sign) in names; we keep that. After an operator, the
 * braced form extends greedily to the LAST {@code '}'} of the line, which is why Compose then
 * re-splits the match at the first balanced brace. Line ends and last braces are cached so that a
 * line with many substitutions is scanned once.
 */
final class DollarScanner {
    enum Kind {
        ESCAPED, NAMED, BRACED, INVALID
    }

    /**
     * A match of {@code [start, end)}. The group is the name (named) or the braced content; {@code op}
     * is the operator right after a braced name, or null.
     */
    record Match(Kind kind, int start, int groupStart, int groupEnd, int end, String op) {
        String group(String s) {
            return s.substring(groupStart, groupEnd);
        }
    }

    private static final String[] OPS = {":-", ":+", ":?", "-", "+", "?"};

    private final String s;
    private int cachedFrom = -1;
    private int cachedLineEnd = -1;
    private int cachedLastBrace = -1;

    DollarScanner(String s) {
        this.s = s;
    }

    /** The next match at or after {@code from}, or null. */
    Match find(int from) {
        for (int p = s.indexOf('$', from); p >= 0; p = s.indexOf('$', p + 1)) {
            Match m = matchAt(p);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** The match starting at {@code p} (where {@code s.charAt(p) == '$'}), or null. */
    Match matchAt(int p) {
        int n = s.length();
        if (p + 1 >= n) {
            return null;
        }
        char c = s.charAt(p + 1);
        if (c == '$') {
            return new Match(Kind.ESCAPED, p, p + 1, p + 2, p + 2, null);
        }
        if (isNameStart(c)) {
            int j = nameEnd(p + 2);
            return new Match(Kind.NAMED, p, p + 1, j, j, null);
        }
        if (c != '{') {
            return null;
        }
        int q = p + 2;
        if (q < n && isNameStart(s.charAt(q))) {
            int j = nameEnd(q + 1);
            String op = null;
            if (j < n) {
                char d = s.charAt(j);
                if (d == ':' && j + 1 < n && isOpChar(s.charAt(j + 1))) {
                    op = operator(':', s.charAt(j + 1));
                } else if (isOpChar(d)) {
                    op = operator(0, d);
                }
            }
            if (op != null) {
                int close = lastBraceOfLine(j + op.length());
                if (close >= 0) {
                    return new Match(Kind.BRACED, p, q, close, close + 1, op);
                }
            } else if (j < n && s.charAt(j) == '}') {
                return new Match(Kind.BRACED, p, q, j, j + 1, null);
            }
        }
        return new Match(Kind.INVALID, p, q, q, q, null);
    }

    /** The last '}' at or after {@code from} on the same line, or -1. */
    private int lastBraceOfLine(int from) {
        if (cachedFrom < 0 || from < cachedFrom || from > cachedLineEnd) {
            int nl = s.indexOf('\n', from);
            cachedFrom = from;
            cachedLineEnd = nl < 0 ? s.length() : nl;
            cachedLastBrace = -1;
            for (int k = cachedLineEnd - 1; k >= from; k--) {
                if (s.charAt(k) == '}') {
                    cachedLastBrace = k;
                    break;
                }
            }
        }
        return cachedLastBrace >= from ? cachedLastBrace : -1;
    }

    /**
     * Index of the {@code '}'} closing the first brace of {@code s[from, to)}, as Compose computes it:
     * each {@code '{'} also skips the character after it. -1 when the braces never balance.
     */
    static int firstBraceClosingIndex(String s, int from, int to) {
        int open = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '}') {
                open--;
                if (open == 0) {
                    return i;
                }
            }
            if (c == '{') {
                open++;
                i++;
            }
        }
        return -1;
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u017f' || c == '\u212a';
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isOpChar(char c) {
        return c == '-' || c == '+' || c == '?';
    }

    private static String operator(int colon, char c) {
        int base = colon == ':' ? 0 : 3;
        return OPS[base + (c == '-' ? 0 : c == '+' ? 1 : 2)];
    }

    private int nameEnd(int from) {
        int j = from;
        while (j < s.length() && isNameChar(s.charAt(j))) {
            j++;
        }
        return j;
    }
}
