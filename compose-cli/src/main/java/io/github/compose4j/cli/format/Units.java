package io.github.compose4j.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Durations and sizes for people, as Docker's {@code go-units} writes them. */
public final class Units {
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

    private Units() {
    }

    /** {@code HumanDuration}: "Less than a second", "About a minute", "3 hours", "2 weeks"... */
    public static String humanDuration(java.time.Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toNanos() / 3.6e12);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }

    /** {@code HumanSizeWithPrecision(size, 3)}: decimal units, three significant digits ("1.98MB"). */
    public static String humanSize(double size) {
        return scaled(size, 1000, DECIMAL, 3);
    }

    /** {@code BytesSize}: binary units, four significant digits ("1.5MiB"). */
    public static String bytesSize(double size) {
        return scaled(size, 1024, BINARY, 4);
    }

    private static String scaled(double size, double base, String[] units, int precision) {
        int i = 0;
        while (size >= base && i < units.length - 1) {
            size /= base;
            i++;
        }
        return formatG(size, precision) + units[i];
    }

    /** Go's {@code %.<precision>g}. */
    static String formatG(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String e = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
            return mantissa.toPlainString() + "e" + e;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** The first 12 characters of an id, as the docker CLI shows ids; a {@code sha256:} prefix goes first. */
    public static String truncateId(String id) {
        String s = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    /** Shortens a string to a display width, ending it with "…" when cut (the docker CLI's {@code Ellipsis}). */
    public static String ellipsis(String s, int width) {
        if (width <= 0) {
            return "";
        }
        int count = s.codePointCount(0, s.length());
        if (width == 1) {
            return s.isEmpty() ? s : new String(Character.toChars(s.codePointAt(0)));
        }
        if (count <= width) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
    }
}
