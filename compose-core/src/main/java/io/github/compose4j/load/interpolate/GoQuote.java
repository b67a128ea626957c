package io.github.compose4j.load.interpolate;

/**
 * Go's {@code strconv.Quote} (also what {@code %q} and {@code %#v} print for a string): Compose
 * quotes names and values this way in several messages.
 */
public final class GoQuote {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {
    }

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendRune(sb, cp);
        }
        return sb.append('"').toString();
    }

    private static void appendRune(StringBuilder sb, int cp) {
        if (cp == '"' || cp == '\\') {
            sb.append('\\').append((char) cp);
            return;
        }
        if (isPrint(cp)) {
            sb.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 0x07 -> sb.append("\\a");
            case 0x08 -> sb.append("\\b");
            case 0x0c -> sb.append("\\f");
            case 0x0a -> sb.append("\\n");
            case 0x0d -> sb.append("\\r");
            case 0x09 -> sb.append("\\t");
            case 0x0b -> sb.append("\\v");
            default -> {
                if (cp < ' ' || cp == 0x7f) {
                    sb.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
                } else if (cp < 0x10000) {
                    sb.append("\\u");
                    appendHex(sb, cp, 4);
                } else {
                    sb.append("\\U");
                    appendHex(sb, cp, 8);
                }
            }
        }
    }

    private static void appendHex(StringBuilder sb, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(value >> shift) & 0xf]);
        }
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
