package io.github.compose4j.cli.render;

import java.util.Map;

/**
 * The terminal's size in characters, for the progress display's layout. Read from the {@code COLUMNS}
 * and {@code LINES} environment variables (positive integers), else 80 by 24: the JVM cannot ask the
 * terminal (an {@code ioctl}) without native code, and starting {@code stty} would cost a process per
 * command. Shells set these variables without exporting them; a launcher can export them.
 */
public record TerminalSize(int width, int height) {
    public static final TerminalSize DEFAULT = new TerminalSize(80, 24);

    public static TerminalSize from(Map<String, String> env) {
        return new TerminalSize(positive(env.get("COLUMNS"), DEFAULT.width), positive(env.get("LINES"), DEFAULT.height));
    }

    private static int positive(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
