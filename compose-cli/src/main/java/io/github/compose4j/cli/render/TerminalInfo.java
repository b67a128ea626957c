package io.github.compose4j.cli.render;

import java.util.function.Supplier;

/**
 * What the process knows of its terminal: which standard streams are terminals, and the size Compose
 * lays its progress display out for (stdout's terminal, measured only when a display needs it).
 *
 * @param stdin  whether stdin is a terminal (the engine's pull progress bars are sized for it)
 * @param stderr whether stderr is a terminal (progress display mode, form of log lines)
 * @param size   the terminal size; {@link TerminalSize#NONE} when stdout is not a terminal
 */
public record TerminalInfo(boolean stdin, boolean stderr, Supplier<TerminalSize> size) {
    /** No terminal at all. */
    public static final TerminalInfo NONE = new TerminalInfo(false, false, () -> TerminalSize.NONE);
}
