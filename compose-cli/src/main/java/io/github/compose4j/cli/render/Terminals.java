package io.github.compose4j.cli.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether standard streams are terminals, without native code or a child process: on Linux the
 * descriptor's {@code /proc/self/fd} link names a terminal device ({@code /dev/pts/3}, {@code /dev/tty1})
 * or something else ({@code pipe:[1234]}, a file, {@code /dev/null}). Elsewhere, the JVM's own console
 * check, which holds only when both stdin and stdout are terminals, is the best guess.
 */
public final class Terminals {
    private Terminals() {
    }

    /** The terminals of this process; the size is measured on first use, then kept. */
    public static TerminalInfo current(Map<String, String> env) {
        Supplier<TerminalSize> size = new Supplier<>() {
            private TerminalSize measured;

            @Override
            public synchronized TerminalSize get() {
                if (measured == null) {
                    measured = TerminalSize.of(device(1), env);
                }
                return measured;
            }
        };
        return new TerminalInfo(isTerminal(0), isTerminal(2), size);
    }

    /** Stdout's terminal size measured now, not the one kept: a resize needs the new one. */
    public static TerminalSize stdoutSize(Map<String, String> env) {
        return TerminalSize.of(device(1), env);
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

    /** The terminal device {@code fd} is open on, empty when it is not a terminal. */
    static Optional<String> device(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return isTerminalDevice(target) ? Optional.of(target) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null ? Optional.of("/dev/tty") : Optional.empty();
        }
    }

    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
