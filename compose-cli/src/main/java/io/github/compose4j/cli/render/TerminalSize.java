package io.github.compose4j.cli.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The terminal's size in characters, for the progress display's layout. Compose asks stdout's terminal
 * (an {@code ioctl}) and gets -1 by -1 when stdout is not a terminal; a pseudo-terminal nobody sized
 * says 0 by 0. The JVM cannot make that call without native code, so {@link #of} asks {@code stty} about
 * stdout's device, once, and only for the terminal display; failing that, the {@code COLUMNS} and
 * {@code LINES} environment variables, else 80 by 24.
 */
public record TerminalSize(int width, int height) {
    public static final TerminalSize DEFAULT = new TerminalSize(80, 24);
    /** What Compose's layout sees when stdout is not a terminal. */
    public static final TerminalSize NONE = new TerminalSize(-1, -1);

    /** The size of the terminal at {@code stdoutDevice} ({@code /dev/pts/3}), empty when stdout is not a terminal. */
    public static TerminalSize of(Optional<String> stdoutDevice, Map<String, String> env) {
        if (stdoutDevice.isEmpty()) {
            return NONE;
        }
        return stty(stdoutDevice.get()).orElseGet(() -> from(env));
    }

    /** {@code COLUMNS} and {@code LINES}, else 80 by 24. */
    public static TerminalSize from(Map<String, String> env) {
        return new TerminalSize(positive(env.get("COLUMNS"), DEFAULT.width), positive(env.get("LINES"), DEFAULT.height));
    }

    /** Parses {@code stty size} output: {@code "rows columns"}. */
    static Optional<TerminalSize> parseStty(String output) {
        String[] parts = output.strip().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TerminalSize(Integer.parseInt(parts[1]), Integer.parseInt(parts[0])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<TerminalSize> stty(String device) {
        try {
            Process p = new ProcessBuilder("stty", "-F", device, "size")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return Optional.empty();
            }
            return parseStty(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
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
