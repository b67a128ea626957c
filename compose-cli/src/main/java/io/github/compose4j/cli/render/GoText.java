package io.github.compose4j.cli.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The few Go text primitives the progress display depends on, reproduced exactly: Go measures
 * strings in UTF-8 bytes ({@code len}) or in runes, rounds floats half-to-even on their exact binary
 * value, and quotes with {@code %q}. Compose's layout arithmetic mixes these, so ours does too.
 */
final class GoText {
    private static final String[] DECIMAL_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private GoText() {
    }

    /** Go's {@code len(s)}: UTF-8 bytes. */
    static int byteLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Go's {@code s[:n]} on bytes, never splitting a character (Go would emit the broken bytes). */
    static String truncateBytes(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int w = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + w > maxBytes) {
                break;
            }
            bytes += w;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** Characters a terminal shows: runes, not counting ANSI sequences (from ESC up to the next 'm'). */
    static int visibleLength(String s) {
        int n = 0;
        boolean escape = false;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int cp = s.codePointAt(i);
            if (cp == 0x1b) {
                escape = true;
            } else if (escape && cp == 'm') {
                escape = false;
            } else if (!escape) {
                n++;
            }
        }
        return n;
    }

    /** Go's {@code %-Ns} / {@code %Ns}: pads with spaces to N runes. */
    static String pad(String s, int width, boolean left) {
        int runes = s.codePointCount(0, s.length());
        if (runes >= width) {
            return s;
        }
        String spaces = " ".repeat(width - runes);
        return left ? s + spaces : spaces + s;
    }

    /** Go's {@code %.1f}. */
    static String oneDecimal(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A {@link java.time.Duration} in seconds as Go's {@code Duration.Seconds()} computes it. */
    static double seconds(java.time.Duration d) {
        return (double) d.getSeconds() + (double) d.getNano() / 1e9;
    }

    /**
     * Docker's {@code units.HumanSize}: decimal units, four significant digits, no trailing zeros,
     * no space before the unit ("12.3MB", "40MB", "512B").
     */
    static String humanSize(double size) {
        int unit = 0;
        while (size >= 1000.0 && unit < DECIMAL_UNITS.length - 1) {
            size = size / 1000.0;
            unit++;
        }
        return fourSignificant(size) + DECIMAL_UNITS[unit];
    }

    /** Go's {@code %.4g} for the values {@link #humanSize} produces (below 10000, not negative). */
    private static String fourSignificant(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (rounded.precision() - rounded.scale() - 1 < -4) {
            // Go switches to exponent form below 1e-4; sizes never get there, but stay faithful.
            return goExponent(rounded);
        }
        return rounded.toPlainString();
    }

    private static String goExponent(BigDecimal rounded) {
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = rounded.precision() - rounded.scale() - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = exponent < 0 ? "-" : "+";
        String exp = String.valueOf(Math.abs(exponent));
        return mantissa + "e" + sign + (exp.length() < 2 ? "0" + exp : exp);
    }

    /** Go's {@code %q} of a string ({@code strconv.Quote}). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 0x07 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0x0b -> b.append("\\v");
                default -> {
                    if (printable(cp)) {
                        b.appendCodePoint(cp);
                    } else if (cp < ' ' || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                        // A lone surrogate is invalid UTF-8 for Go: it quotes the replacement rune.
                        b.append("\\ufffd");
                    } else if (cp < 0x10000) {
                        b.append(String.format("\\u%04x", cp));
                    } else {
                        b.append(String.format("\\U%08x", cp));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
