package io.github.compose4j.load.merge;

import io.github.compose4j.load.tree.GoFormat;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt} verbs {@code %v}, {@code %s}, {@code %d} and {@code %T} applied to raw tree nodes
 * seen as Go's decoded YAML ({@code int}, {@code float64}, {@code bool}, {@code string}, maps, slices,
 * nil). Compose builds merge and de-duplication keys with them, so which entries collide depends on
 * these exact strings, bad-verb forms like {@code %!s(int=80)} included.
 */
final class GoFmt {
    /** Go's string order: by UTF-8 bytes, which is code point order. */
    static final Comparator<String> GO_STRING_ORDER = GoFmt::compareCodePoints;

    private GoFmt() {
    }

    static String v(Node n) {
        return top(n, 'v');
    }

    static String s(Node n) {
        return top(n, 's');
    }

    static String d(Node n) {
        return top(n, 'd');
    }

    /** {@code %T}. */
    static String typeName(Node n) {
        if (n instanceof MapNode) {
            return "map[string]interface {}";
        }
        if (n instanceof SeqNode) {
            return "[]interface {}";
        }
        Object value = ((ScalarNode) n).value();
        if (value == null) {
            return "<nil>";
        }
        return scalarType(value);
    }

    private static String top(Node n, char verb) {
        if (n == null || n instanceof ScalarNode sc && sc.value() == null) {
            // A nil interface as the argument itself.
            return verb == 'v' ? "<nil>" : "%!" + verb + "(<nil>)";
        }
        return nested(n, verb);
    }

    // Inside a map or slice, a nil element prints as <nil> whatever the verb.
    private static String nested(Node n, char verb) {
        if (n instanceof MapNode map) {
            List<Map.Entry<String, Node>> entries = new ArrayList<>(map.entries().entrySet());
            entries.sort(Map.Entry.comparingByKey(GO_STRING_ORDER));
            StringBuilder sb = new StringBuilder("map[");
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(scalar(entries.get(i).getKey(), verb)).append(':')
                        .append(nested(entries.get(i).getValue(), verb));
            }
            return sb.append(']').toString();
        }
        if (n instanceof SeqNode seq) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < seq.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(nested(seq.get(i), verb));
            }
            return sb.append(']').toString();
        }
        Object value = ((ScalarNode) n).value();
        return value == null ? "<nil>" : scalar(value, verb);
    }

    private static String scalar(Object value, char verb) {
        boolean fits = switch (verb) {
            case 'v' -> true;
            case 's' -> value instanceof String;
            case 'd' -> value instanceof Long;
            default -> false;
        };
        String text = GoFormat.sprint(value);
        return fits ? text : "%!" + verb + "(" + scalarType(value) + "=" + text + ")";
    }

    private static String scalarType(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float64";
        }
        return "bool";
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
