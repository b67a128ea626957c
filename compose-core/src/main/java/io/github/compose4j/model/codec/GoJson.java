package io.github.compose4j.model.codec;

import io.github.compose4j.model.Bytes;
import io.github.compose4j.model.Duration;
import io.github.compose4j.model.EnvFile;
import io.github.compose4j.model.Extensions;
import io.github.compose4j.model.HostList;
import io.github.compose4j.model.SshKey;
import io.github.compose4j.model.Ulimit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes model values as JSON exactly as Go's {@code encoding/json} writes the matching Go values:
 * struct fields in declaration order with {@code omitempty}, map keys sorted, HTML characters escaped,
 * floats formatted the Go way. Byte-exactness matters: the compact form is hashed into the
 * {@code com.docker.compose.config-hash} label that Docker Compose compares.
 */
public final class GoJson {
    /** Orders map keys as Go does: by UTF-8 bytes, which is code point order. */
    public static final Comparator<String> KEY_ORDER = GoJson::compareCodePoints;

    private final StringBuilder out;
    private final boolean indent;
    private int depth;

    private GoJson(boolean indent) {
        this.out = new StringBuilder(1024);
        this.indent = indent;
    }

    /** Compact JSON, as {@code json.Marshal}. */
    public static String compact(Object value) {
        GoJson w = new GoJson(false);
        w.value(value);
        return w.out.toString();
    }

    /** Indented JSON, as {@code json.MarshalIndent(v, "", "  ")}. */
    public static String indented(Object value) {
        GoJson w = new GoJson(true);
        w.value(value);
        return w.out.toString();
    }

    private void value(Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Float f) {
            out.append(formatFloat(f.floatValue(), 32));
        } else if (v instanceof Double d) {
            out.append(formatFloat(d, 64));
        } else if (v instanceof Optional<?> o) {
            value(o.orElse(null));
        } else if (v instanceof Bytes b) {
            out.append('"').append(b.value()).append('"');
        } else if (v instanceof Duration d) {
            string(d.toString());
        } else if (v instanceof HostList h) {
            value(h.asList("="));
        } else if (v instanceof EnvFile e) {
            if (e.required()) {
                string(e.path());
            } else {
                record(e);
            }
        } else if (v instanceof Ulimit u && u.single() != 0) {
            out.append(u.single());
        } else if (v instanceof SshKey k) {
            sshKey(k);
        } else if (v instanceof Map<?, ?> m) {
            map(m);
        } else if (v instanceof Collection<?> c) {
            list(c);
        } else if (v instanceof Record r) {
            record(r);
        } else {
            throw new IllegalArgumentException("cannot serialize " + v.getClass().getName());
        }
    }

    private void sshKey(SshKey k) {
        // Compose writes `"id": path` for a keyed entry; reproduced as is.
        if (k.path().isEmpty()) {
            string(k.id());
        } else {
            string(k.id());
            out.append(": ").append(k.path());
        }
    }

    private void record(Record r) {
        RecordShape shape = RecordShape.of(r.getClass());
        boolean any = false;
        out.append('{');
        depth++;
        for (RecordShape.Component c : shape.components()) {
            if (c.hidden() || c.rawType() == Extensions.class) {
                continue;
            }
            Object v = c.get(r);
            if (c.omitEmpty() && isEmpty(v)) {
                continue;
            }
            if (any) {
                out.append(',');
            }
            any = true;
            newline();
            string(c.serializedName());
            out.append(indent ? ": " : ":");
            value(v);
        }
        depth--;
        if (any) {
            newline();
        }
        out.append('}');
    }

    private void map(Map<?, ?> m) {
        List<String> keys = new ArrayList<>(m.size());
        for (Object k : m.keySet()) {
            keys.add((String) k);
        }
        keys.sort(KEY_ORDER);
        out.append('{');
        depth++;
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline();
            string(k);
            out.append(indent ? ": " : ":");
            value(m.get(k));
        }
        depth--;
        if (!keys.isEmpty()) {
            newline();
        }
        out.append('}');
    }

    private void list(Collection<?> c) {
        out.append('[');
        depth++;
        boolean first = true;
        for (Object e : c) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline();
            value(e);
        }
        depth--;
        if (!c.isEmpty()) {
            newline();
        }
        out.append(']');
    }

    private void newline() {
        if (indent) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    /** Go's omitempty test: false, 0, "", empty collection, absent pointer. Structs are never empty. */
    static boolean isEmpty(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Long l) {
            return l == 0;
        }
        if (v instanceof Integer i) {
            return i == 0;
        }
        if (v instanceof Float f) {
            return f == 0;
        }
        if (v instanceof Double d) {
            return d == 0;
        }
        if (v instanceof Optional<?> o) {
            return o.isEmpty();
        }
        if (v instanceof Collection<?> c) {
            return c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (v instanceof Bytes b) {
            return b.isZero();
        }
        if (v instanceof Duration d) {
            return d.isZero();
        }
        if (v instanceof HostList h) {
            return h.isEmpty();
        }
        if (v instanceof Extensions e) {
            return e.isEmpty();
        }
        return false;
    }

    private void string(String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (ch < 0x20) {
                        out.append("\\u00").append(Character.forDigit(ch >> 4, 16)).append(Character.forDigit(ch & 0xF, 16));
                    } else if (Character.isHighSurrogate(ch)) {
                        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(ch).append(s.charAt(++i));
                        } else {
                            out.append('\ufffd');
                        }
                    } else if (Character.isLowSurrogate(ch)) {
                        out.append('\ufffd');
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Go's float encoding: shortest round-trip digits, exponent form below 1e-6 or from 1e21. */
    public static String formatFloat(double f, int bits) {
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        double abs = Math.abs(f);
        String shortest = bits == 32 ? Float.toString((float) f) : Double.toString(f);
        BigDecimal bd = new BigDecimal(shortest).stripTrailingZeros();
        boolean exp = bits == 64 ? (abs < 1e-6 || abs >= 1e21) : ((float) abs < 1e-6f || (float) abs >= 1e21f);
        if (!exp) {
            String plain = bd.toPlainString();
            return plain;
        }
        String digits = bd.unscaledValue().abs().toString();
        int e = digits.length() - 1 - bd.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (f < 0 ? "-" : "") + mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
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
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
