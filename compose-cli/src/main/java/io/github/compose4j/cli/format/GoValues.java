package io.github.compose4j.cli.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Go values in Java: strings, {@code Long} integers, booleans, lists (slices), maps (keys sorted on output),
 * {@link GoStruct}s and {@link GoFields} objects, {@link #NIL} for nil. Printed as {@code fmt}'s {@code %v}
 * prints them and written as {@code encoding/json} writes them.
 */
public final class GoValues {
    /** A nil pointer, interface or slice: prints as {@code <nil>}, written {@code null} in JSON. */
    public static final Object NIL = new Object() {
        @Override
        public String toString() {
            return "<nil>";
        }
    };
    /** A nil slice: prints as {@code []}, written {@code null} in JSON. */
    public static final List<Object> NIL_SLICE = java.util.Collections.unmodifiableList(new ArrayList<>());

    private GoValues() {
    }

    /** {@code fmt.Sprint(v)}. */
    public static String print(Object v) {
        StringBuilder sb = new StringBuilder();
        print(sb, v);
        return sb.toString();
    }

    private static void print(StringBuilder sb, Object v) {
        if (v == null || v == NIL) {
            sb.append("<nil>");
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                print(sb, e);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append("map[");
            boolean first = true;
            for (String k : sortedKeys(m)) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(k).append(':');
                print(sb, m.get(k));
            }
            sb.append(']');
        } else if (v instanceof GoStruct s) {
            sb.append('{');
            boolean first = true;
            for (Object e : s.fields().values()) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                print(sb, e);
            }
            sb.append('}');
        } else {
            sb.append(v);
        }
    }

    /** {@code json.Marshal(v)}, with {@code <}, {@code >} and {@code &} escaped when {@code escapeHtml}. */
    public static String json(Object v, boolean escapeHtml) {
        StringBuilder sb = new StringBuilder();
        json(sb, v, escapeHtml);
        return sb.toString();
    }

    private static void json(StringBuilder sb, Object v, boolean escapeHtml) {
        if (v == null || v == NIL || v == NIL_SLICE) {
            sb.append("null");
        } else if (v instanceof GoJsonMarshaler m) {
            sb.append(m.marshalJson());
        } else if (v instanceof String s) {
            string(sb, s, escapeHtml);
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                json(sb, e, escapeHtml);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty() && m == NIL_MAP) {
                sb.append("null");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (String k : sortedKeys(m)) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, k, escapeHtml);
                sb.append(':');
                json(sb, m.get(k), escapeHtml);
            }
            sb.append('}');
        } else if (v instanceof GoStruct s) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : s.fields().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, e.getKey(), escapeHtml);
                sb.append(':');
                json(sb, e.getValue(), escapeHtml);
            }
            sb.append('}');
        } else {
            string(sb, v.toString(), escapeHtml);
        }
    }

    /** A nil map: written {@code null} in JSON. */
    public static final Map<String, Object> NIL_MAP = java.util.Collections.unmodifiableMap(new java.util.HashMap<>());

    private static List<String> sortedKeys(Map<?, ?> m) {
        List<String> keys = new ArrayList<>();
        m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        keys.sort(GoValues::compareUtf8);
        return keys;
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void string(StringBuilder sb, String s, boolean escapeHtml) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20 || (escapeHtml && (c == '<' || c == '>' || c == '&'))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Go's truth in {@code if}: false, 0, nil and empty strings, slices and maps are false. */
    public static boolean truth(Object v) {
        if (v == null || v == NIL) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** {@code strconv.Quote}: double quotes, Go escapes for quotes, backslashes and control characters. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 7 -> sb.append("\\a");
                case 8 -> sb.append("\\b");
                case 12 -> sb.append("\\f");
                case 11 -> sb.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
