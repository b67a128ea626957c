package io.github.compose4j.load.yaml;

/**
 * A plain scalar that go-yaml v3.0.1 decodes as a {@code time.Time}. It accepts the same four layouts
 * (RFC 3339 with {@code T} or {@code t}, space separated without zone, date only), with Go's lenient
 * one-or-two digit fields and its range checks. The machine running Compose is assumed to be on UTC,
 * which only matters for a {@code +00:00} offset (Go then reports the local zone).
 */
final class GoTimestamp {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private enum Zone { UTC, LOCAL, FIXED }

    private final int year;
    private final int month;
    private final int day;
    private final int hour;
    private final int minute;
    private final int second;
    private final int nanos;
    private final int offsetSeconds;
    private final Zone zone;

    private GoTimestamp(int year, int month, int day, int hour, int minute, int second, int nanos,
            int offsetSeconds, Zone zone) {
        this.year = year;
        this.month = month;
        this.day = day;
        this.hour = hour;
        this.minute = minute;
        this.second = second;
        this.nanos = nanos;
        this.offsetSeconds = offsetSeconds;
        this.zone = zone;
    }

    /** The timestamp, or null when go-yaml would not see one in this text. */
    static GoTimestamp parse(String s) {
        int n = s.length();
        if (n < 5 || !digits(s, 0, 4) || s.charAt(4) != '-') {
            return null;
        }
        Cursor c = new Cursor(s, 5);
        int year = (s.charAt(0) - '0') * 1000 + (s.charAt(1) - '0') * 100 + (s.charAt(2) - '0') * 10
                + (s.charAt(3) - '0');
        int month = c.num();
        if (month < 1 || month > 12 || !c.expect('-')) {
            return null;
        }
        int day = c.num();
        if (day < 1 || day > daysIn(month, year)) {
            return null;
        }
        if (c.atEnd()) {
            return new GoTimestamp(year, month, day, 0, 0, 0, 0, 0, Zone.UTC);
        }
        char sep = s.charAt(c.pos++);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            return null;
        }
        int hour = c.num();
        if (hour < 0 || hour > 23 || !c.expect(':')) {
            return null;
        }
        int minute = c.num();
        if (minute < 0 || minute > 59 || !c.expect(':')) {
            return null;
        }
        int second = c.num();
        if (second < 0 || second > 59) {
            return null;
        }
        int nanos = c.fraction();
        if (sep == ' ') {
            return c.atEnd() ? new GoTimestamp(year, month, day, hour, minute, second, nanos, 0, Zone.UTC) : null;
        }
        if (c.expect('Z')) {
            return c.atEnd() ? new GoTimestamp(year, month, day, hour, minute, second, nanos, 0, Zone.UTC) : null;
        }
        if (n - c.pos != 6 || s.charAt(c.pos + 3) != ':' || !digits(s, c.pos + 1, 2) || !digits(s, c.pos + 4, 2)) {
            return null;
        }
        char sign = s.charAt(c.pos);
        int hh = Integer.parseInt(s, c.pos + 1, c.pos + 3, 10);
        int mm = Integer.parseInt(s, c.pos + 4, c.pos + 6, 10);
        if ((sign != '+' && sign != '-') || hh > 24 || mm > 60) {
            return null;
        }
        int offset = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
        return new GoTimestamp(year, month, day, hour, minute, second, nanos, offset,
                offset == 0 ? Zone.LOCAL : Zone.FIXED);
    }

    private static boolean digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Go's {@code time.Time.String()}, which is what Compose gets from {@code fmt.Sprint}. */
    String goText() {
        StringBuilder sb = new StringBuilder(40);
        pad(sb, year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2).append(' ');
        pad(sb, hour, 2).append(':');
        pad(sb, minute, 2).append(':');
        pad(sb, second, 2);
        if (nanos != 0) {
            StringBuilder frac = new StringBuilder();
            pad(frac, nanos, 9);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        sb.append(' ');
        appendOffset(sb);
        sb.append(' ');
        if (zone == Zone.FIXED) {
            appendOffset(sb);
        } else {
            sb.append("UTC");
        }
        return sb.toString();
    }

    /** Go's {@code %#v} of the value. */
    String goString() {
        String loc = switch (zone) {
            case UTC -> "time.UTC";
            case LOCAL -> "time.Local";
            case FIXED -> "time.Location(\"\")";
        };
        return "time.Date(" + year + ", time." + MONTHS[month - 1] + ", " + day + ", " + hour + ", " + minute
                + ", " + second + ", " + nanos + ", " + loc + ")";
    }

    private void appendOffset(StringBuilder sb) {
        int minutes = offsetSeconds / 60;
        sb.append(minutes < 0 ? '-' : '+');
        minutes = Math.abs(minutes);
        pad(sb, minutes / 60, 2);
        pad(sb, minutes % 60, 2);
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    @Override
    public String toString() {
        return goText();
    }

    /** Reads Go's one-or-two digit fields and fractional seconds. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        boolean expect(char ch) {
            if (pos < s.length() && s.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        private boolean digitAt(int i) {
            return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }

        /** One or two digits (greedy), or -1. */
        int num() {
            if (!digitAt(pos)) {
                return -1;
            }
            int v = s.charAt(pos++) - '0';
            if (digitAt(pos)) {
                v = v * 10 + (s.charAt(pos++) - '0');
            }
            return v;
        }

        /** Optional ".digits" or ",digits"; Go keeps the first nine digits. */
        int fraction() {
            if (pos + 1 >= s.length() || (s.charAt(pos) != '.' && s.charAt(pos) != ',') || !digitAt(pos + 1)) {
                return 0;
            }
            pos++;
            int nanos = 0;
            int count = 0;
            while (digitAt(pos)) {
                if (count < 9) {
                    nanos = nanos * 10 + (s.charAt(pos) - '0');
                    count++;
                }
                pos++;
            }
            for (; count < 9; count++) {
                nanos *= 10;
            }
            return nanos;
        }
    }
}
