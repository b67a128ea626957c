package io.github.compose4j.load.tree;

import java.math.BigDecimal;

/**
 * Formatting of scalar values as Go's {@code fmt.Sprint} does it. Compose converts YAML numbers and
 * booleans to text this way in many places (environment values, labels, ports), and its output is
 * the reference.
 */
public final class GoFormat {
    private GoFormat() {
    }

    public static String sprint(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof Double d) {
            return formatFloat(d);
        }
        return value.toString();
    }

    /**
     * Go's {@code %v} for a float64: the shortest representation that round-trips, in exponent form
     * when the exponent is below -4 or at least 6 ({@code 1e+06}, {@code 1.23456789e+08}).
     */
    public static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        // Java's shortest repr digits, re-laid out the Go way.
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = exp < 0 ? "-" : "+";
            int abs = Math.abs(exp);
            return sign + mantissa + "e" + e + (abs < 10 ? "0" + abs : Integer.toString(abs));
        }
        return sign + bd.abs().toPlainString();
    }
}
