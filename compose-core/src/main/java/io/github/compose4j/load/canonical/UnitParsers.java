package io.github.compose4j.load.canonical;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the value syntaxes Compose inherits from Go libraries: byte sizes and durations. */
public final class UnitParsers {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private UnitParsers() {
    }

    /** A memory size like {@code 512m} or {@code 1.5GB}, with binary multipliers (docker/go-units RAMInBytes). */
    public static long ramInBytes(String s) {
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size: '" + s + "'");
        }
        double size;
        try {
            size = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.ParseFloat: parsing \"" + m.group(1) + "\": invalid syntax");
        }
        String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
        long mul = switch (unit) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            case "p" -> 1L << 50;
            default -> 1;
        };
        return (long) (size * mul);
    }

    /**
     * A Go duration ({@code 1h30m}, {@code 1.5s}, {@code 300ms}, {@code -2us}) in nanoseconds, as
     * {@code time.ParseDuration} reads it; the message of a failure is Go's.
     */
    public static long goDuration(String s) {
        String orig = s;
        int i = 0;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            i++;
        }
        if (s.substring(i).equals("0")) {
            return 0;
        }
        if (i == s.length()) {
            throw new IllegalArgumentException("time: invalid duration " + quote(orig));
        }
        double total = 0;
        while (i < s.length()) {
            int start = i;
            long whole = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                whole = whole * 10 + (s.charAt(i) - '0');
                i++;
            }
            boolean pre = i != start;
            double frac = 0;
            double scale = 1;
            boolean post = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fs = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    frac = frac * 10 + (s.charAt(i) - '0');
                    scale *= 10;
                    i++;
                }
                post = i != fs;
            }
            if (!pre && !post) {
                throw new IllegalArgumentException("time: invalid duration " + quote(orig));
            }
            int us = i;
            while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (us == i) {
                throw new IllegalArgumentException("time: missing unit in duration " + quote(orig));
            }
            String u = s.substring(us, i);
            long unit = switch (u) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> throw new IllegalArgumentException("time: unknown unit " + quote(u) + " in duration " + quote(orig));
            };
            total += whole * (double) unit + (frac / scale) * unit;
            if (total > 9.223372036854775807E18) {
                throw new IllegalArgumentException("time: invalid duration " + quote(orig));
            }
        }
        long v = Math.round(total);
        return neg ? -v : v;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
