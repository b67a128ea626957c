package io.github.compose4j.load.schema;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Durations as Go's {@code time} package reads and writes them: Compose accepts exactly what
 * {@code time.ParseDuration} accepts ({@code "1h2m3.5s"}, {@code "300ms"}, {@code "-1.5us"}, {@code "0"}) and
 * prints durations with {@code Duration.String} ({@code "1m30s"}). Values are signed 64-bit nanoseconds.
 */
public final class GoDuration {
    private static final long NANO = 1L;
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private static final Map<String, Long> UNITS = Map.of(
            "ns", NANO,
            "us", MICRO,
            "\u00b5s", MICRO, // micro sign
            "\u03bcs", MICRO, // Greek small letter mu
            "ms", MILLI,
            "s", SECOND,
            "m", MINUTE,
            "h", HOUR);

    /** 2^63 as an unsigned 64-bit value: Go's parser counts in uint64 and checks against it. */
    private static final long TWO_POW_63 = Long.MIN_VALUE;

    private GoDuration() {
    }

    /** Whether Go's {@code time.ParseDuration} accepts the text. */
    public static boolean isValid(String text) {
        try {
            parseNanos(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Parses like {@code time.ParseDuration}.
     *
     * @throws IllegalArgumentException with Go's error text, e.g. {@code time: unknown unit "x" in duration "10x"}
     */
    public static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    /** Same as {@link #parse(String)}, in nanoseconds. */
    public static long parseNanos(String text) {
        String s = text;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        long total = 0; // unsigned
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!(c == '.' || isDigit(c))) {
                throw invalid(text);
            }
            // Integer part, overflow-checked as Go's leadingInt does.
            int start = i;
            long v = 0;
            while (i < n && isDigit(s.charAt(i))) {
                if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_POW_63, 10)) > 0) {
                    throw invalid(text);
                }
                v = v * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(v, TWO_POW_63) > 0) {
                    throw invalid(text);
                }
                i++;
            }
            boolean pre = i != start;
            // Fraction: digits past what fits are dropped, as Go's leadingFraction does.
            long f = 0;
            double scale = 1;
            boolean post = false;
            if (i < n && s.charAt(i) == '.') {
                i++;
                int fracStart = i;
                boolean overflow = false;
                while (i < n && isDigit(s.charAt(i))) {
                    if (!overflow) {
                        if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
                            overflow = true;
                        } else {
                            long y = f * 10 + (s.charAt(i) - '0');
                            if (Long.compareUnsigned(y, TWO_POW_63) > 0) {
                                overflow = true;
                            } else {
                                f = y;
                                scale *= 10;
                            }
                        }
                    }
                    i++;
                }
                post = i != fracStart;
            }
            if (!pre && !post) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < n && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                i++;
            }
            if (i == unitStart) {
                throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
            }
            String u = s.substring(unitStart, i);
            Long unit = UNITS.get(u);
            if (unit == null) {
                throw new IllegalArgumentException("time: unknown unit " + quote(u) + " in duration " + quote(text));
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_POW_63, unit)) > 0) {
                throw invalid(text);
            }
            v *= unit;
            if (f != 0) {
                // Go converts through float64 here; so do we, to round the same way.
                v += (long) (unsignedToDouble(f) * ((double) unit / scale));
                if (Long.compareUnsigned(v, TWO_POW_63) > 0) {
                    throw invalid(text);
                }
            }
            total += v;
            if (Long.compareUnsigned(total, TWO_POW_63) > 0) {
                throw invalid(text);
            }
        }
        if (neg) {
            return -total;
        }
        if (Long.compareUnsigned(total, Long.MAX_VALUE) > 0) {
            throw invalid(text);
        }
        return total;
    }

    /** Formats like Go's {@code Duration.String}: {@code 1h0m0s}, {@code 1m30s}, {@code 1.5s}, {@code 300ms}, {@code 0s}. */
    public static String format(Duration duration) {
        return format(duration.toNanos());
    }

    /** Same as {@link #format(Duration)}, from nanoseconds. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean neg = nanos < 0;
        long u = neg ? -nanos : nanos; // unsigned; Long.MIN_VALUE stays 2^63
        StringBuilder out = new StringBuilder();
        if (Long.compareUnsigned(u, SECOND) < 0) {
            String unit;
            int prec;
            if (u < MICRO) {
                unit = "ns";
                prec = 0;
            } else if (u < MILLI) {
                unit = "\u00b5s";
                prec = 3;
            } else {
                unit = "ms";
                prec = 6;
            }
            long pow = pow10(prec);
            out.append(u / pow).append(fraction(u % pow, prec)).append(unit);
        } else {
            long secs = Long.divideUnsigned(u, SECOND);
            String frac = fraction(Long.remainderUnsigned(u, SECOND), 9);
            long mins = secs / 60;
            long hours = mins / 60;
            if (hours > 0) {
                out.append(hours).append('h');
            }
            if (mins > 0) {
                out.append(mins % 60).append('m');
            }
            out.append(secs % 60).append(frac).append('s');
        }
        return neg ? "-" + out : out.toString();
    }

    private static String fraction(long value, int digits) {
        if (value == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Long.toString(value));
        while (sb.length() < digits) {
            sb.insert(0, '0');
        }
        int end = sb.length();
        while (sb.charAt(end - 1) == '0') {
            end--;
        }
        return "." + sb.substring(0, end);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? (double) v : ((double) (v >>> 1)) * 2.0 + (v & 1);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + quote(text));
    }

    /** Go's time package quoting: non-ASCII and control bytes as {@code \xNN}, quote and backslash escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp >= 0x80 || cp < ' ') {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append("\\x").append(Character.forDigit((b >> 4) & 0xf, 16))
                            .append(Character.forDigit(b & 0xf, 16));
                }
            } else {
                if (cp == '"' || cp == '\\') {
                    sb.append('\\');
                }
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }
}
