package io.github.compose4j.load.interpolate;

/**
 * Go's {@code strconv} number parsing as Compose uses it to convert interpolated strings, with the
 * same accepted syntax and the same error texts ({@code strconv.Atoi: parsing "x": invalid syntax}).
 */
final class GoStrconv {
    /** A failed conversion; the message is Go's {@code NumError} text. */
    static final class NumError extends Exception {
        private static final long serialVersionUID = 1L;

        NumError(String func, String input, boolean range) {
            super("strconv." + func + ": parsing " + GoQuote.quote(input) + ": "
                    + (range ? "value out of range" : "invalid syntax"), null, false, false);
        }
    }

    private static final long UINT64_CUTOFF = Long.divideUnsigned(-1L, 10) + 1;

    private GoStrconv() {
    }

    /** {@code strconv.Atoi} on a 64-bit platform. */
    static long atoi(String s) throws NumError {
        return parseInt(s, "Atoi");
    }

    /** {@code strconv.ParseInt(s, 10, 64)}. */
    static long parseInt64(String s) throws NumError {
        return parseInt(s, "ParseInt");
    }

    private static long parseInt(String s, String func) throws NumError {
        int i = 0;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        if (i == s.length()) {
            throw new NumError(func, s, false);
        }
        long n = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumError(func, s, false);
            }
            // Go stops at the first digit that overflows uint64, before looking at later characters.
            if (Long.compareUnsigned(n, UINT64_CUTOFF) >= 0) {
                throw new NumError(func, s, true);
            }
            n *= 10;
            long n1 = n + (c - '0');
            if (Long.compareUnsigned(n1, n) < 0) {
                throw new NumError(func, s, true);
            }
            n = n1;
        }
        int cmp = Long.compareUnsigned(n, Long.MIN_VALUE);
        if ((!neg && cmp >= 0) || (neg && cmp > 0)) {
            throw new NumError(func, s, true);
        }
        return neg ? -n : n;
    }

    /**
     * {@code strconv.ParseFloat(s, bitSize)}. A 32-bit result is returned widened to a double, as Go
     * holds it in a float32.
     */
    static double parseFloat(String s, int bitSize) throws NumError {
        Double special = special(s);
        if (special != null) {
            return special;
        }
        if (!isGoFloat(s)) {
            throw new NumError("ParseFloat", s, false);
        }
        String plain = s.indexOf('_') >= 0 ? s.replace("_", "") : s;
        double value = bitSize == 32 ? (double) Float.parseFloat(plain) : Double.parseDouble(plain);
        if (Double.isInfinite(value)) {
            throw new NumError("ParseFloat", s, true);
        }
        return value;
    }

    /** Go accepts "inf", "infinity" (signed, any case) and "nan" (unsigned, any case). */
    private static Double special(String s) {
        String body = s;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            body = s.substring(1);
            if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
                return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return null;
        }
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (body.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        return null;
    }

    /** Go's float syntax: decimal or hexadecimal (with a mandatory p exponent), underscores between digits. */
    private static boolean isGoFloat(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        boolean hex = false;
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x') {
            hex = true;
            i += 2;
        }
        boolean underscores = false;
        boolean sawDot = false;
        boolean sawDigits = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (sawDot) {
                    break;
                }
                sawDot = true;
            } else if ((c >= '0' && c <= '9') || (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
                sawDigits = true;
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return false;
        }
        if (i < n && (s.charAt(i) | 0x20) == (hex ? 'p' : 'e')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
            for (; i < n && ((s.charAt(i) >= '0' && s.charAt(i) <= '9') || s.charAt(i) == '_'); i++) {
                underscores |= s.charAt(i) == '_';
            }
        } else if (hex) {
            return false;
        }
        if (underscores && !underscoreOk(s.substring(0, i))) {
            return false;
        }
        return i == n;
    }

    /** Underscores must sit between digits, or between a base prefix and a digit. */
    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char b = (char) (s.charAt(1) | 0x20);
            if (b == 'b' || b == 'o' || b == 'x') {
                i = 2;
                saw = '0';
                hex = b == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }
}
