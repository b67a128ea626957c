package io.github.compose4j.execute;

import io.github.compose4j.load.interpolate.GoQuote;

/**
 * Go's {@code json.Compact}: the same JSON text without insignificant whitespace, strings and
 * numbers copied as written; invalid JSON fails with Go's syntax error wording.
 */
final class JsonCompactor {
    private final String src;
    private final StringBuilder out;
    private int pos;

    private JsonCompactor(String src) {
        this.src = src;
        this.out = new StringBuilder(src.length());
    }

    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    static String compact(String json) throws SyntaxError {
        JsonCompactor c = new JsonCompactor(json);
        c.skipSpace();
        c.value("looking for beginning of value");
        c.skipSpace();
        if (c.pos < json.length()) {
            throw c.invalid("after top-level value");
        }
        return c.out.toString();
    }

    private void value(String context) throws SyntaxError {
        if (pos >= src.length()) {
            throw new SyntaxError("unexpected end of JSON input");
        }
        char c = src.charAt(pos);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw invalid(context);
                }
            }
        }
    }

    private void object() throws SyntaxError {
        out.append('{');
        pos++;
        skipSpace();
        if (peek() == '}') {
            out.append('}');
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                throw new SyntaxError("unexpected end of JSON input");
            }
            if (src.charAt(pos) != '"') {
                throw invalid("looking for beginning of object key string");
            }
            string();
            skipSpace();
            expect(':', "after object key");
            skipSpace();
            value("looking for beginning of value");
            skipSpace();
            if (pos >= src.length()) {
                throw new SyntaxError("unexpected end of JSON input");
            }
            char c = src.charAt(pos);
            if (c == ',') {
                out.append(',');
                pos++;
            } else if (c == '}') {
                out.append('}');
                pos++;
                return;
            } else {
                throw invalid("after object key:value pair");
            }
        }
    }

    private void array() throws SyntaxError {
        out.append('[');
        pos++;
        skipSpace();
        if (peek() == ']') {
            out.append(']');
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            value("looking for beginning of value");
            skipSpace();
            if (pos >= src.length()) {
                throw new SyntaxError("unexpected end of JSON input");
            }
            char c = src.charAt(pos);
            if (c == ',') {
                out.append(',');
                pos++;
            } else if (c == ']') {
                out.append(']');
                pos++;
                return;
            } else {
                throw invalid("after array element");
            }
        }
    }

    private void string() throws SyntaxError {
        int start = pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                out.append(src, start, pos);
                return;
            }
            if (c < 0x20) {
                throw invalid("in string literal");
            }
            if (c == '\\') {
                pos++;
                if (pos >= src.length()) {
                    break;
                }
                char e = src.charAt(pos);
                if (e == 'u') {
                    for (int i = 1; i <= 4; i++) {
                        if (pos + i >= src.length()) {
                            throw new SyntaxError("unexpected end of JSON input");
                        }
                        if (Character.digit(src.charAt(pos + i), 16) < 0) {
                            pos += i;
                            throw invalid("in \\u hexadecimal character escape");
                        }
                    }
                    pos += 4;
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw invalid("in string escape code");
                }
            }
            pos++;
        }
        throw new SyntaxError("unexpected end of JSON input");
    }

    private void number() throws SyntaxError {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw endOr("in numeric literal");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw endOr("after decimal point in numeric literal");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw endOr("in exponent of numeric literal");
            }
            digits();
        }
        out.append(src, start, pos);
    }

    private void literal(String word) throws SyntaxError {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= src.length()) {
                throw new SyntaxError("unexpected end of JSON input");
            }
            if (src.charAt(pos) != word.charAt(i)) {
                throw invalid("in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
            }
            pos++;
        }
        out.append(word);
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private void expect(char c, String context) throws SyntaxError {
        if (pos >= src.length()) {
            throw new SyntaxError("unexpected end of JSON input");
        }
        if (src.charAt(pos) != c) {
            throw invalid(context);
        }
        out.append(c);
        pos++;
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private SyntaxError endOr(String context) {
        return pos >= src.length() ? new SyntaxError("unexpected end of JSON input") : invalid(context);
    }

    private SyntaxError invalid(String context) {
        return new SyntaxError("invalid character " + quoteChar(src.charAt(pos)) + " " + context);
    }

    private static String quoteChar(char c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String q = GoQuote.quote(String.valueOf(c));
        return "'" + q.substring(1, q.length() - 1) + "'";
    }
}
