package io.github.compose4j.load.interpolate;

/**
 * Finds substitutions the way Compose's regular expression does, without a regex engine:
 * {@code $$}, {@code $NAME}, {@code ${NAME}}, {@code ${NAME<op>...}} and, failing those, a
 * bare {@code ${} that is an invalid template. Anything else after {@code $} is no match.
 *
 * <p>Compose's pattern is case-insensitive over {@code [_a-z]}, which under Unicode folding also
 * admits U+017F (long s) and U+212A (Kelvin sign) in names; we keep that. After an operator, the
 * braced form extends greedily to the LAST {@code '}'} of the line, which is why Compose then
 * re-splits the match at the first balanced brace.
 */
final class DollarScanner {
    enum Kind {
        ESCAPED, NAMED, BRACED, INVALID
    }

    /** A match of {@code [start, end)}; the group is the name (named) or the braced content. */
    record Match(Kind kind, int start, int groupStart, int groupEnd, int end) {
        String group(String s) {
            return s.substring(groupStart, groupEnd);
        }
    }

    private DollarScanner() {
    }

    /** The match starting at {@code p} (where {@code s.charAt(p) == '$'}), or null. */
    static Match matchAt(String s, int p) {
        int n = s.length();
        if (p + 1 >= n) {
            return null;
        }
        char c = s.charAt(p + 1);
        if (c == '$') {
            return new Match(Kind.ESCAPED, p, p + 1, p + 2, p + 2);
        }
        if (isNameStart(c)) {
            int j = nameEnd(s, p + 2);
            return new Match(Kind.NAMED, p, p + 1, j, j);
        }
        if (c != '{') {
            return null;
        }
        int q = p + 2;
        if (q < n && isNameStart(s.charAt(q))) {
            int j = nameEnd(s, q + 1);
            int opEnd = -1;
            if (j < n) {
                char d = s.charAt(j);
                if (d == ':' && j + 1 < n && isOpChar(s.charAt(j + 1))) {
                    opEnd = j + 2;
                } else if (isOpChar(d)) {
                    opEnd = j + 1;
                }
            }
            if (opEnd >= 0) {
                int lineEnd = s.indexOf('\n', opEnd);
                for (int k = (lineEnd < 0 ? n : lineEnd) - 1; k >= opEnd; k--) {
                    if (s.charAt(k) == '}') {
                        return new Match(Kind.BRACED, p, q, k, k + 1);
                    }
                }
            } else if (j < n && s.charAt(j) == '}') {
                return new Match(Kind.BRACED, p, q, j, j + 1);
            }
        }
        return new Match(Kind.INVALID, p, q, q, q);
    }

    /** The next match at or after {@code from}, or null. */
    static Match find(String s, int from) {
        for (int p = s.indexOf('$', from); p >= 0; p = s.indexOf('$', p + 1)) {
            Match m = matchAt(s, p);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /**
     * Index of the {@code '}'} closing the first brace, as Compose computes it: each {@code '{'}
     * also skips the character after it. -1 when the braces never balance.
     */
    static int firstBraceClosingIndex(String s) {
        int open = 0;
        for (int i = 0; i < s.length(); i++) {
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

    private static int nameEnd(String s, int from) {
        int j = from;
        while (j < s.length() && isNameChar(s.charAt(j))) {
            j++;
        }
        return j;
    }
}
