package io.github.compose4j.load.schema;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict JSON reader producing raw tree nodes, for schema documents: the bundled schema is read at
 * every cold start, and a general-purpose JSON library costs more to initialise than this whole file
 * costs to read. Integers that fit a {@code long} become {@link Long}, other numbers {@link Double};
 * on duplicate keys the last one wins. Nodes carry no position.
 */
final class JsonReader {
    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    static Node read(String text) {
        JsonReader reader = new JsonReader(text);
        reader.skipSpace();
        Node node = reader.value(0);
        reader.skipSpace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return node;
    }

    private Node value(int depth) {
        if (depth > 1000) {
            throw error("JSON nested too deeply");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of JSON");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return new ScalarNode(string(), Mark.NONE);
            case 't':
                literal("true");
                return new ScalarNode(Boolean.TRUE, Mark.NONE);
            case 'f':
                literal("false");
                return new ScalarNode(Boolean.FALSE, Mark.NONE);
            case 'n':
                literal("null");
                return new ScalarNode(null, Mark.NONE);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return new ScalarNode(number(), Mark.NONE);
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private MapNode object(int depth) {
        pos++;
        MapNode.Builder b = MapNode.builder(Mark.NONE);
        skipSpace();
        if (peek() == '}') {
            pos++;
            return b.build();
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            b.put(key, value(depth + 1));
            skipSpace();
            char c = next();
            if (c == '}') {
                return b.build();
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private SeqNode array(int depth) {
        pos++;
        List<Node> items = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new SeqNode(items, Mark.NONE);
        }
        while (true) {
            skipSpace();
            items.add(value(depth + 1));
            skipSpace();
            char c = next();
            if (c == ']') {
                return new SeqNode(items, Mark.NONE);
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++; // opening quote
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                break;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder(text.substring(start, pos));
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(pos++), 16);
                        if (digit < 0) {
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    sb.append((char) code);
                }
                default -> throw error("bad escape '\\" + e + "'");
            }
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int intStart = pos;
        digits();
        if (pos == intStart || (text.charAt(intStart) == '0' && pos - intStart > 1)) {
            throw error("bad number");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            int fraction = pos;
            digits();
            if (pos == fraction) {
                throw error("bad number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            int exponent = pos;
            digits();
            if (pos == exponent) {
                throw error("bad number");
            }
        }
        String literal = text.substring(start, pos);
        if (integral && pos - intStart <= 18) {
            return Long.parseLong(literal);
        }
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException e) {
                // beyond a long: a double, as Go's float64 decoding does
            }
        }
        return Double.parseDouble(literal);
    }

    private void digits() {
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("bad literal");
        }
        pos += word.length();
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of JSON");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at offset " + pos);
    }
}
