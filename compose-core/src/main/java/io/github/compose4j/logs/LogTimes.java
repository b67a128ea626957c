package io.github.compose4j.logs;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --since} and {@code --until} values as the docker client sends them to the engine: a Go duration means
 * that long before now; RFC 3339 times and dates (in the local zone when they name none) become
 * {@code seconds.nanoseconds}; Unix timestamps pass as they are.
 */
public final class LogTimes {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern UNIX = Pattern.compile("-?\\d+(\\.\\d+)?");

    private LogTimes() {
    }

    /** The engine form of {@code value}; empty stays empty. */
    public static String engineTime(String value, Instant now, ZoneId zone) {
        if (value.isEmpty()) {
            return "";
        }
        Duration d = goDuration(value);
        if (d != null && !value.equals("0")) {
            return Long.toString(now.minus(d).getEpochSecond());
        }
        Instant t = parseTime(value, zone);
        if (t != null) {
            return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
        }
        if (!value.contains("-") && UNIX.matcher(value).matches()) {
            return value;
        }
        throw new ComposeException(Failure.GENERAL, "failed to parse value as time or duration: \"" + value + "\"");
    }

    /** A Go {@code time.ParseDuration} value, or null. */
    static Duration goDuration(String value) {
        String s = value;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = DURATION_PART.matcher(s);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            BigDecimal unit = switch (m.group(2)) {
                case "ns" -> BigDecimal.ONE;
                case "us", "µs", "μs" -> BigDecimal.valueOf(1_000L);
                case "ms" -> BigDecimal.valueOf(1_000_000L);
                case "s" -> BigDecimal.valueOf(1_000_000_000L);
                case "m" -> BigDecimal.valueOf(60_000_000_000L);
                default -> BigDecimal.valueOf(3_600_000_000_000L);
            };
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unit));
            at = m.end();
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    private static Instant parseTime(String value, ZoneId zone) {
        boolean zoned = value.chars().anyMatch(c -> c == 'z' || c == 'Z' || c == '+')
            || value.chars().filter(c -> c == '-').count() == 3;
        String v = value.replace('z', 'Z');
        try {
            if (!v.contains("T")) {
                if (zoned) {
                    // 2006-01-02Z07:00
                    String date = v.substring(0, 10);
                    String offset = v.substring(10);
                    return OffsetDateTime.parse(date + "T00:00:00" + offset).toInstant();
                }
                return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
            if (zoned) {
                return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }
}
