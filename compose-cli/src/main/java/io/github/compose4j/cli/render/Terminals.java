package io.github.compose4j.cli.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal, without native code or a child process: on Linux the
 * descriptor's {@code /proc/self/fd} link names a terminal device ({@code /dev/pts/3}, {@code /dev/tty1})
 * or something else ({@code pipe:[1234]}, a file, {@code /dev/null}). Elsewhere, the JVM's own console
 * check, which holds only when both stdin and stdout are terminals, is the best guess.
 */
public final class Terminals {
    private Terminals() {
    }

    /** Whether file descriptor {@code fd} (2 for stderr) is a terminal. */
    public static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            return isTerminalDevice(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
