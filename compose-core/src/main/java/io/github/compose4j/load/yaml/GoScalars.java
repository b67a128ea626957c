package io.github.compose4j.load.yaml;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolution of YAML scalars as gopkg.in/yaml.v3 (v3.0.1) does it when decoding into {@code interface{}},
 * plus the few Go formatting rules its error messages use. Values are Java stand-ins for Go's: String,
 * Long (int), {@link GoUint} (uint64 above Long range), Double (float64), Boolean, {@link GoTimestamp}
 * (time.Time) or null.
 */
final class GoScalars {
    static final String NULL = "!!null";
    static final String BOOL = "!!bool";
    static final String STR = "!!str";
    static final String INT = "!!int";
    static final String FLOAT = "!!float";
    static final String TIMESTAMP = "!!timestamp";
    static final String BINARY = "!!binary";
    static final String MERGE = "!!merge";
    static final String MAP = "!!map";
    static final String SEQ = "!!seq";

    private static final String LONG_TAG_PREFIX = "tag:yaml.org,2002:";

    /** A uint64 value that does not fit a Java long (go-yaml yields uint64 from 2^63 to 2^64-1). */
    record GoUint(long bits) {
        String decimal() {
            return Long.toUnsignedString(bits);
        }
    }

    /** The outcome of resolving one scalar: the tag go-yaml settles on and the decoded value. */
    record Resolved(String tag, Object value) {
    }

    /** A decoding failure worded as go-yaml words it (without its "yaml: " prefix). */
    static final class GoYamlError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GoYamlError(String message) {
            super(message, null, false, false);
        }
    }

    private static final Resolved NULL_VALUE = new Resolved(NULL, null);
    private static final Map<String, Resolved> SPECIAL = new HashMap<>();

    static {
        for (String s : new String[] {"true", "True", "TRUE"}) {
            SPECIAL.put(s, new Resolved(BOOL, Boolean.TRUE));
        }
        for (String s : new String[] {"false", "False", "FALSE"}) {
            SPECIAL.put(s, new Resolved(BOOL, Boolean.FALSE));
        }
        for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
            SPECIAL.put(s, NULL_VALUE);
        }
        for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
            SPECIAL.put(s, new Resolved(FLOAT, Double.NaN));
        }
        for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            SPECIAL.put(s, new Resolved(FLOAT, Double.POSITIVE_INFINITY));
        }
        for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            SPECIAL.put(s, new Resolved(FLOAT, Double.NEGATIVE_INFINITY));
        }
    }

    private static final Pattern YAML_STYLE_FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    // Go's ParseFloat on text starting with '.': digits may be separated by single underscores.
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?");

    private GoScalars() {
    }

    /** The short form of a tag as go-yaml keeps it: {@code tag:yaml.org,2002:int} becomes {@code !!int}. */
    static String shortTag(String tag) {
        if (tag != null && tag.startsWith(LONG_TAG_PREFIX)) {
            return "!!" + tag.substring(LONG_TAG_PREFIX.length());
        }
        return tag;
    }

    private static boolean resolvable(String tag) {
        return tag.isEmpty() || tag.equals(STR) || tag.equals(BOOL) || tag.equals(INT) || tag.equals(FLOAT)
                || tag.equals(NULL) || tag.equals(TIMESTAMP);
    }

    /**
     * Resolves a scalar that is not an "indicated string" (quoted or block scalars without a tag are).
     *
     * @param tag the explicit short tag, or null for none
     * @throws GoYamlError when an explicit standard tag does not fit the text
     */
    static Resolved resolve(String tag, String in) {
        String t = tag == null ? "" : tag;
        if (!resolvable(t)) {
            return new Resolved(t, in);
        }
        Resolved r = resolveUntagged(t, in);
        if (t.isEmpty() || t.equals(r.tag()) || t.equals(STR)) {
            return r;
        }
        if (t.equals(FLOAT) && r.tag().equals(INT) && r.value() instanceof Long l) {
            return new Resolved(FLOAT, l.doubleValue());
        }
        throw new GoYamlError("cannot decode " + r.tag() + " `" + in + "` as a " + t);
    }

    /**
     * A cheap test that an untagged plain scalar resolves to itself as a string: true for the text of
     * most scalars (words, paths, images). False only means that {@link #resolve} must decide.
     */
    static boolean isPlainString(String in) {
        if (in.isEmpty()) {
            return false;
        }
        char c = in.charAt(0);
        if ((c >= '0' && c <= '9') || c == '+' || c == '-') {
            return false;
        }
        switch (c) {
            case '.': // ".5", ".inf" and the like; "./path" is text
                return !dotNumber(in) && !SPECIAL.containsKey(in);
            case 'y': case 'Y': case 'n': case 'N': case 't': case 'T': case 'f': case 'F': case 'o': case 'O':
            case '~':
                return in.length() > 5 || !SPECIAL.containsKey(in);
            default:
                return true;
        }
    }

    /** Whether text starting with '.' can be a float (a digit must follow the dot). */
    private static boolean dotNumber(String in) {
        return in.length() > 1 && in.charAt(1) >= '0' && in.charAt(1) <= '9';
    }

    private static char hint(String in) {
        if (in.isEmpty()) {
            return 'N';
        }
        char c = in.charAt(0);
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if (c == '.') {
            return '.';
        }
        return "yYnNtTfFoO~".indexOf(c) >= 0 ? 'M' : 0;
    }

    private static Resolved resolveUntagged(String tag, String in) {
        char hint = hint(in);
        if (hint == 0 || tag.equals(STR)) {
            return new Resolved(STR, in);
        }
        Resolved special = SPECIAL.get(in);
        if (special != null) {
            return special;
        }
        if (hint == '.') {
            if (dotNumber(in) && DOT_FLOAT.matcher(in).matches()) {
                double d = Double.parseDouble(in.replace("_", ""));
                if (!Double.isInfinite(d)) {
                    return new Resolved(FLOAT, d);
                }
            }
        } else if (hint == 'D' || hint == 'S') {
            if (tag.isEmpty() || tag.equals(TIMESTAMP)) {
                GoTimestamp ts = GoTimestamp.parse(in);
                if (ts != null) {
                    return new Resolved(TIMESTAMP, ts);
                }
            }
            String plain = in.indexOf('_') < 0 ? in : in.replace("_", "");
            Resolved number = parseNumber(plain);
            if (number != null) {
                return number;
            }
        }
        return new Resolved(STR, in);
    }

    private static Resolved parseNumber(String plain) {
        boolean signed = plain.charAt(0) == '+' || plain.charAt(0) == '-';
        boolean negative = plain.charAt(0) == '-';
        long[] magnitude = parseUintBase0(signed ? plain.substring(1) : plain);
        if (magnitude != null) {
            long u = magnitude[0];
            if (!negative && u >= 0) {
                return new Resolved(INT, u);
            }
            if (negative && (u >= 0 || u == Long.MIN_VALUE)) {
                return new Resolved(INT, -u);
            }
            if (!signed) {
                return new Resolved(INT, new GoUint(u));
            }
        }
        if (floatChars(plain) && YAML_STYLE_FLOAT.matcher(plain).matches()) {
            double d = Double.parseDouble(plain);
            if (!Double.isInfinite(d)) {
                return new Resolved(FLOAT, d);
            }
        }
        // go-yaml's extra 0b/0o attempts only matter for Go versions without base prefixes.
        return null;
    }

    /** A cheap filter before the float pattern: most text that starts with a digit is no number. */
    private static boolean floatChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Go's {@code strconv.ParseUint(s, 0, 64)} on text without underscores: 0x/0o/0b prefixes, a leading 0
     * for octal. Returns the unsigned value in a one-element array, or null on a syntax or range error.
     */
    private static long[] parseUintBase0(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int base = 10;
        int start = 0;
        if (s.charAt(0) == '0') {
            char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (p == 'x') {
                base = 16;
                start = 2;
            } else if (p == 'o') {
                base = 8;
                start = 2;
            } else if (p == 'b') {
                base = 2;
                start = 2;
            } else {
                base = 8;
                start = 1;
            }
        }
        long limit = Long.divideUnsigned(-1L, base);
        long n = 0;
        for (int i = start; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), base);
            if (d < 0 || s.charAt(i) > 'z') {
                return null;
            }
            if (Long.compareUnsigned(n, limit) > 0) {
                return null;
            }
            long next = n * base + d;
            if (Long.compareUnsigned(next, n * base) < 0) {
                return null;
            }
            n = next;
        }
        return new long[] {n};
    }

    /** Decodes {@code !!binary} content as go-yaml does (standard base64, line breaks ignored). */
    static String decodeBinary(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sb.toString());
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GoYamlError("!!binary value contains invalid base64 data");
        }
    }

    /** Go's {@code %#v} of a decoded scalar, as it appears in compose-go's "Non-string key" message. */
    static String goSharpV(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Double d) {
            return formatFloatV(d);
        }
        if (v instanceof GoUint u) {
            return "0x" + Long.toHexString(u.bits());
        }
        if (v instanceof GoTimestamp t) {
            return t.goString();
        }
        return v.toString();
    }

    /** Go's {@code %v} of a decoded scalar (fmt.Sprint). */
    static String goV(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Double d) {
            return formatFloatV(d);
        }
        if (v instanceof GoUint u) {
            return u.decimal();
        }
        return v.toString();
    }

    /** Go's {@code %v} of a float64: shortest digits, in exponent form below 1e-4 and from 1e6 on. */
    static String formatFloatV(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        // strconv 'g' with the shortest precision switches to exponent form at an exponent of 6.
        if (exp < -4 || exp >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int abs = Math.abs(exp);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" + abs : Integer.toString(abs));
        }
        return sign + bd.toPlainString();
    }

    /** Go's {@code strconv.Quote}. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 11 -> sb.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (isPrintable(cp)) {
                        sb.appendCodePoint(cp);
                    } else if (cp < 0x10000) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && (type != Character.SPACE_SEPARATOR || cp == ' ');
    }
}
