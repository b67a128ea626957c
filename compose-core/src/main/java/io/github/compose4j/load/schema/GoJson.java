package io.github.compose4j.load.schema;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text as Go's {@code encoding/json} writes it after a round trip through {@code float64}: that is
 * how gojsonschema compares values for {@code enum}, {@code const} and {@code uniqueItems}, and how it
 * lists the allowed values of an enum in its messages. Objects have sorted keys; every number is a
 * float64 (so {@code 1} and {@code 1.0} are equal); {@code <}, {@code >} and {@code &} are escaped.
 */
final class GoJson {
    private GoJson() {
    }

    static String canonical(Node node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(Node node, StringBuilder sb) {
        if (node instanceof MapNode map) {
            Map<String, Node> sorted = new TreeMap<>(map.entries());
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Node> e : sorted.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (node instanceof SeqNode seq) {
            sb.append('[');
            List<Node> items = seq.items();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(items.get(i), sb);
            }
            sb.append(']');
        } else {
            Object v = ((ScalarNode) node).value();
            if (v instanceof String s) {
                string(s, sb);
            } else if (v instanceof Long l) {
                sb.append(formatFloat(l.doubleValue()));
            } else if (v instanceof Double d) {
                sb.append(formatFloat(d));
            } else if (v instanceof Boolean b) {
                sb.append(b.booleanValue());
            } else {
                sb.append("null");
            }
        }
    }

    /** A float64 as encoding/json writes it: plain decimal, or exponent form below 1e-6 and from 1e21. */
    static String formatFloat(double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs < 1e-6 || abs >= 1e21) {
            String digits = bd.unscaledValue().abs().toString();
            int exp = digits.length() - 1 - bd.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = exp < 0 ? "e-" + (-exp) : "e+" + (exp < 10 ? "0" + exp : Integer.toString(exp));
            return (d < 0 ? "-" : "") + mantissa + e;
        }
        return bd.toPlainString();
    }

    /** A bound as gojsonschema prints it: a big.Float with {@code %v}, the shortest {@code %g} form. */
    static String formatBound(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.signum() == 0) {
            return "0";
        }
        String digits = v.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - v.scale();
        if (exp < -4 || exp >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int abs = Math.abs(exp);
            return (v.signum() < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" : "")
                    + abs;
        }
        return v.toPlainString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        sb.append("\\u00").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
