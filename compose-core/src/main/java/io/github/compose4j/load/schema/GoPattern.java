package io.github.compose4j.load.schema;

import java.util.regex.Pattern;

/**
 * A Go regular expression of the schema ({@code pattern}, {@code patternProperties}), searched in a
 * text as Go's {@code regexp.MatchString} does. The shapes the compose-spec uses for every mapping key
 * ({@code ^x-}, {@code ^[a-zA-Z0-9._-]+$}, {@code ^.+$}, {@code .+}) are checked by hand, without a
 * regex engine; any other expression is compiled (once, on first use) by {@link GoRegex}.
 */
final class GoPattern {
    private enum Shape { PREFIX, CLASS_PLUS, ANY_PLUS_ANCHORED, ANY_PLUS, REGEX }

    private final String source;
    private final Shape shape;
    /** The literal prefix of {@link Shape#PREFIX}. */
    private final String prefix;
    /** The ASCII members of the class of {@link Shape#CLASS_PLUS}. */
    private final boolean[] members;
    /** Compiled on first use; volatile so that a Pattern built by another thread is seen whole. */
    private volatile Pattern regex;

    private GoPattern(String source, Shape shape, String prefix, boolean[] members) {
        this.source = source;
        this.shape = shape;
        this.prefix = prefix;
        this.members = members;
    }

    static GoPattern of(String source) {
        if (source.equals("^.+$")) {
            return new GoPattern(source, Shape.ANY_PLUS_ANCHORED, null, null);
        }
        if (source.equals(".+")) {
            return new GoPattern(source, Shape.ANY_PLUS, null, null);
        }
        if (source.length() > 1 && source.charAt(0) == '^' && isLiteral(source, 1, source.length())) {
            return new GoPattern(source, Shape.PREFIX, source.substring(1), null);
        }
        if (source.startsWith("^[") && source.endsWith("]+$") && source.length() > 5) {
            boolean[] members = asciiClass(source.substring(2, source.length() - 3));
            if (members != null) {
                return new GoPattern(source, Shape.CLASS_PLUS, null, members);
            }
        }
        return new GoPattern(source, Shape.REGEX, null, null);
    }

    String source() {
        return source;
    }

    /** Whether the expression matches somewhere in the text. */
    boolean find(String text) {
        switch (shape) {
            case PREFIX:
                return text.startsWith(prefix);
            case CLASS_PLUS: {
                int n = text.length();
                if (n == 0) {
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    char c = text.charAt(i);
                    if (c >= 128 || !members[c]) {
                        return false;
                    }
                }
                return true;
            }
            case ANY_PLUS_ANCHORED:
                // Go's '.' is any character but a line feed, and '$' is the very end of the text.
                return !text.isEmpty() && text.indexOf('\n') < 0;
            case ANY_PLUS:
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) != '\n') {
                        return true;
                    }
                }
                return false;
            default:
                Pattern p = regex;
                if (p == null) {
                    p = GoRegex.compile(source);
                    regex = p;
                }
                return p.matcher(text).find();
        }
    }

    private static boolean isLiteral(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == ':' || c == '/' || c == '@' || c == '=' || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** The members of a class body made of ASCII letters, digits, ranges and {@code . _ -}, or null. */
    private static boolean[] asciiClass(String body) {
        boolean[] members = new boolean[128];
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (!isClassChar(c, i == body.length() - 1)) {
                return null;
            }
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char end = body.charAt(i + 2);
                if (!Character.isLetterOrDigit(c) || !Character.isLetterOrDigit(end) || end < c || end >= 128) {
                    return null;
                }
                for (char x = c; x <= end; x++) {
                    members[x] = true;
                }
                i += 3;
            } else {
                members[c] = true;
                i++;
            }
        }
        return members;
    }

    private static boolean isClassChar(char c, boolean last) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || (c == '-' && last));
    }
}
