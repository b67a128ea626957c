package io.github.compose4j.cli.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Log lines as Docker Compose's logger (logrus' text formatter) writes them on stderr. On a terminal:
 * a colored, truncated level, the seconds since the process started and the message padded to 44
 * characters ({@code WARN[0000] msg }); elsewhere: {@code time="..." level=warning msg="..."} with an
 * RFC 3339 local time and values quoted only when they hold characters outside {@code [A-Za-z0-9-._/@^+]}.
 * Neither {@code --ansi} nor {@code NO_COLOR} changes these lines: only whether stderr is a terminal.
 *
 * @param terminal whether stderr is a terminal
 * @param origin   when the process started (the terminal form counts seconds from it)
 * @param zone     the local time zone (the other form prints local time)
 */
public record LogFormat(boolean terminal, Instant origin, ZoneId zone) {
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final int WARN_COLOR = 33;

    /** The line (newline included) for a warning logged at {@code at}. */
    public String warning(String message, Instant at) {
        if (terminal) {
            String msg = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
            long seconds = Duration.between(origin, at).getSeconds();
            return "\u001b[" + WARN_COLOR + "mWARN\u001b[0m[" + String.format("%04d", seconds) + "] "
                    + GoText.pad(msg, 44, true) + " \n";
        }
        StringBuilder b = new StringBuilder();
        b.append("time=").append(value(RFC3339.format(at.atZone(zone))));
        b.append(" level=warning");
        if (!message.isEmpty()) {
            b.append(" msg=").append(value(message));
        }
        return b.append('\n').toString();
    }

    private static String value(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '/' || c == '@' || c == '^' || c == '+';
            if (!plain) {
                return GoText.quote(s);
            }
        }
        return s;
    }
}
