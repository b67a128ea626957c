package io.github.compose4j.load.schema;

import java.util.regex.Pattern;

/**
 * Compiles the Go (RE2) regular expressions of the schema for Java. The two agree on the simple
 * patterns the compose-spec uses, except that Go's {@code $} matches only at the very end of the text
 * while Java's also matches before a final line break; Go's {@code (?P<name>)} is also translated.
 */
final class GoRegex {
    private GoRegex() {
    }

    static Pattern compile(String goPattern) {
        StringBuilder out = new StringBuilder(goPattern.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < goPattern.length(); i++) {
            char c = goPattern.charAt(i);
            if (c == '\\' && i + 1 < goPattern.length()) {
                out.append(c).append(goPattern.charAt(++i));
            } else if (inClass) {
                out.append(c);
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                // A ']' right after '[' or '[^' is a literal member of the class.
                if (i + 1 < goPattern.length() && goPattern.charAt(i + 1) == '^') {
                    out.append(goPattern.charAt(++i));
                }
                if (i + 1 < goPattern.length() && goPattern.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
            } else if (c == '$') {
                out.append("\\z");
            } else if (c == '(' && goPattern.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
            } else {
                out.append(c);
            }
        }
        return Pattern.compile(out.toString());
    }
}
