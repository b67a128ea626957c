package io.github.compose4j.cli.render;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;

import java.io.PrintStream;

/**
 * Shows the progress of a command on stderr as Docker Compose does, in one of three modes:
 * <ul>
 *   <li>{@link Mode#TTY}: a block of lines redrawn in place every 100 ms (see {@link ProgressFrame}),
 *       drawn a last time on {@link #close()}, followed by the tail messages;</li>
 *   <li>{@link Mode#PLAIN}: one line per event, {@code <prefix> <id> <text> <status>} joined by single
 *       spaces (so a line starts with a space), tail messages printed as they come;</li>
 *   <li>{@link Mode#QUIET}: nothing.</li>
 * </ul>
 * Warnings are log lines ({@link LogFormat}) in every mode. On a terminal they are written between two
 * frames without the display making room for them, as Compose does: the next frame, moving the cursor
 * up by its own height only, draws one line lower and overwrites the warning.
 */
public final class ProgressDisplay implements ProgressListener, AutoCloseable {

    /** How progress is shown. */
    public enum Mode {
        TTY,
        PLAIN,
        QUIET
    }

    private final Mode mode;
    private final PrintStream err;
    private final int width;
    private final int height;
    private final Ticker ticker;
    private final LogFormat log;
    private final boolean dryRun;
    private final ProgressBoard board;
    private final java.util.List<String> tail = new java.util.ArrayList<>();
    private final Object lock = new Object();
    private Runnable stopTicker = () -> { };
    private boolean closed;

    private ProgressDisplay(Mode mode, String title, PrintStream err, int width, int height, Ticker ticker,
                            LogFormat log, boolean colors, boolean dryRun) {
        this.mode = mode;
        this.err = err;
        this.width = width;
        this.height = height;
        this.ticker = ticker;
        this.log = log;
        this.dryRun = dryRun;
        this.board = new ProgressBoard(title, dryRun, colors ? Palette.COLORS : Palette.NONE);
    }

    /**
     * A display in {@code mode}, with colors, warnings formatted for a terminal in TTY mode only, not in
     * dry-run mode.
     */
    public static ProgressDisplay open(Mode mode, String title, PrintStream err, int terminalWidth, int terminalHeight,
                                       Ticker ticker) {
        LogFormat log = new LogFormat(mode == Mode.TTY, ticker.origin(), ticker.zone());
        return start(new ProgressDisplay(mode, title, err, terminalWidth, terminalHeight, ticker, log, true, false));
    }

    /**
     * The display {@code display} selected. Fails as Compose does when the terminal mode was asked
     * for and stderr is not a terminal.
     */
    public static ProgressDisplay open(DisplayMode display, String title, PrintStream err, TerminalSize size,
                                       Ticker ticker, boolean dryRun) {
        if (display.mode() == Mode.TTY && !display.stderrTerminal()) {
            throw new ComposeException(Failure.GENERAL, "provided file is not a console");
        }
        LogFormat log = new LogFormat(display.stderrTerminal(), ticker.origin(), ticker.zone());
        return start(new ProgressDisplay(display.mode(), title, err, size.width(), size.height(), ticker, log,
                display.colors(), dryRun));
    }

    private static ProgressDisplay start(ProgressDisplay display) {
        if (display.mode == Mode.TTY) {
            display.stopTicker = display.ticker.start(display::redraw);
        }
        return display;
    }

    @Override
    public void event(ProgressEvent event) {
        synchronized (lock) {
            switch (mode) {
                case TTY -> board.apply(event, ticker.now());
                case PLAIN -> write((dryRun ? ProgressFrame.DRY_RUN_PREFIX : "") + " " + event.id() + " "
                        + event.text() + " " + event.statusText() + "\n");
                case QUIET -> { }
            }
        }
    }

    @Override
    public void warning(String message) {
        synchronized (lock) {
            write(log.warning(message, ticker.now()));
        }
    }

    @Override
    public void hasMore(boolean more) {
        synchronized (lock) {
            board.hasMore(more);
        }
    }

    @Override
    public void tailMessage(String message) {
        synchronized (lock) {
            switch (mode) {
                case TTY -> tail.add(dryRun ? (ProgressFrame.DRY_RUN_PREFIX + message).strip() : message);
                case PLAIN -> write((dryRun ? ProgressFrame.DRY_RUN_PREFIX : "") + message + "\n");
                case QUIET -> { }
            }
        }
    }

    /** In TTY mode, stops the redraws, draws the last frame, then the tail messages. */
    @Override
    public void close() {
        stopTicker.run();
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (mode == Mode.TTY) {
                draw();
                for (String message : tail) {
                    write(message + "\n");
                }
            }
            closed = true;
        }
    }

    private void redraw() {
        synchronized (lock) {
            if (!closed) {
                draw();
            }
        }
    }

    private void draw() {
        ProgressFrame frame = ProgressFrame.render(board.state(), width, height, ticker.now());
        write(frame.ansi());
        board.drawn(frame);
    }

    private void write(String s) {
        if (s.isEmpty()) {
            return;
        }
        byte[] bytes = GoText.utf8(s);
        err.write(bytes, 0, bytes.length);
        err.flush();
    }
}
