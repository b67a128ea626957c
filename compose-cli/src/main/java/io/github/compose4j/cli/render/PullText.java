package io.github.compose4j.cli.render;

/**
 * The progress text of one layer of an image pull, as Docker's client library renders the engine's
 * byte counts for Compose ({@code [=====>      ]  3.361MB/12MB}): a 50-character bar only when the
 * terminal is wider than 110 columns, then the sizes; just the current size when the total is unknown
 * or smaller; nothing before any count. Compose measures stdin's terminal for this, and takes 200
 * columns when stdin is not a terminal.
 */
public final class PullText {
    /** The width assumed when stdin is not a terminal. */
    public static final int NO_TERMINAL_WIDTH = 200;
    private static final int BAR = 50;

    private PullText() {
    }

    /** The text for {@code current} of {@code total} bytes, on a terminal {@code width} columns wide. */
    public static String of(long current, long total, int width) {
        if (current <= 0 && total <= 0) {
            return "";
        }
        String done = GoText.pad(GoText.humanSize(current), 8, false);
        if (total <= 0) {
            return done;
        }
        int filled = Math.min((int) ((double) current / (double) total * 100) / 2, BAR);
        String bar = width > 110 ? "[" + "=".repeat(filled) + ">" + " ".repeat(Math.max(BAR - filled, 0)) + "] " : "";
        return bar + (current > total ? done : done + "/" + GoText.humanSize(total));
    }
}
