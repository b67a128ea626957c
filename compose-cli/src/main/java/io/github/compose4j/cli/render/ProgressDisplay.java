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
 * Image pulls that open an operation ({@code up}, {@code create}) are a display of their own in Compose,
 * titled "Running", finished before the operation's own display draws its first frame; {@link Pulls}
 * says whether to show them so, whether to leave out their layers ({@code --quiet-pull}) and how wide
 * the layers' progress bars are ({@link PullText}).
 *
 * <p>Warnings are log lines ({@link LogFormat}) in every mode. On a terminal they are written between two
 * frames without the display making room for them, as Compose does: the next frame, moving the cursor
 * up by its own height only, draws one line lower and overwrites the warning.
 */
public final class ProgressDisplay implements ProgressListener, AutoCloseable {

    /**
     * How image pull events are shown.
     *
     * @param quiet     leave out the layers, keep the "Pulling" and "Pulled" lines
     * @param barWidth  the terminal width the layers' progress bars are made for
     * @param separate  pulls that come first are a display of their own (up, create), not part of this one
     */
    public record Pulls(boolean quiet, int barWidth, boolean separate) {
        /** Layers shown, wide bars, pulls part of the display (the {@code pull} command). */
        public static final Pulls DEFAULT = new Pulls(false, PullText.NO_TERMINAL_WIDTH, false);
    }

    /** Whether events still go to the display of the pulls that open the operation. */
    private enum PullPhase {
        BEFORE,
        PULLING,
        OVER
    }

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
    /** Whether warnings are formatted for a terminal; their format is made at the first one (see Ticker). */
    private final boolean terminalLog;
    private LogFormat log;
    private final boolean dryRun;
    private final Pulls pulls;
    private final ProgressBoard board;
    private ProgressBoard pullBoard;
    private PullPhase pullPhase;
    private final java.util.Set<String> pulledServices = new java.util.HashSet<>();
    private final java.util.List<String> tail = new java.util.ArrayList<>();
    private final Object lock = new Object();
    private Runnable stopTicker = () -> { };
    private boolean closed;

    private ProgressDisplay(Mode mode, String title, PrintStream err, int width, int height, Ticker ticker,
                            boolean terminalLog, boolean colors, boolean dryRun, Pulls pulls) {
        this.mode = mode;
        this.err = err;
        this.width = width;
        this.height = height;
        this.ticker = ticker;
        this.terminalLog = terminalLog;
        this.dryRun = dryRun;
        this.board = new ProgressBoard(title, dryRun, colors ? Palette.COLORS : Palette.NONE);
        this.pulls = pulls;
        this.pullPhase = pulls.separate() ? PullPhase.BEFORE : PullPhase.OVER;
        if (pulls.separate()) {
            this.pullBoard = new ProgressBoard("Running", dryRun, colors ? Palette.COLORS : Palette.NONE);
        }
    }

    /**
     * A display in {@code mode}, with colors, warnings formatted for a terminal in TTY mode only, not in
     * dry-run mode.
     */
    public static ProgressDisplay open(Mode mode, String title, PrintStream err, int terminalWidth, int terminalHeight,
                                       Ticker ticker) {
        return start(new ProgressDisplay(mode, title, err, terminalWidth, terminalHeight, ticker, mode == Mode.TTY, true, false,
                Pulls.DEFAULT));
    }

    /**
     * The display {@code display} selected. Fails as Compose does when the terminal mode was asked
     * for and stderr is not a terminal.
     */
    public static ProgressDisplay open(DisplayMode display, String title, PrintStream err, TerminalSize size,
                                       Ticker ticker, boolean dryRun) {
        return open(display, title, err, size, ticker, dryRun, Pulls.DEFAULT);
    }

    /** As {@link #open(DisplayMode, String, PrintStream, TerminalSize, Ticker, boolean)}, showing pulls as {@code pulls} says. */
    public static ProgressDisplay open(DisplayMode display, String title, PrintStream err, TerminalSize size,
                                       Ticker ticker, boolean dryRun, Pulls pulls) {
        if (display.mode() == Mode.TTY && !display.stderrTerminal()) {
            throw new ComposeException(Failure.GENERAL, "provided file is not a console");
        }
        return start(new ProgressDisplay(display.mode(), title, err, size.width(), size.height(), ticker,
                display.stderrTerminal(),
                display.colors(), dryRun, pulls));
    }

    private static ProgressDisplay start(ProgressDisplay display) {
        if (display.mode == Mode.TTY) {
            display.stopTicker = display.ticker.start(display::redraw);
        }
        return display;
    }

    @Override
    public void event(ProgressEvent original) {
        ProgressEvent event = layerText(original);
        if (event == null) {
            return;
        }
        synchronized (lock) {
            switch (mode) {
                case TTY -> boardFor(event).apply(event, ticker.now());
                case PLAIN -> write((dryRun ? ProgressFrame.DRY_RUN_PREFIX : "") + " " + event.id() + " "
                        + event.text() + " " + event.statusText() + "\n");
                case QUIET -> { }
            }
        }
    }

    /** The event as shown: a layer's progress text filled in, or null for a layer left out. */
    private ProgressEvent layerText(ProgressEvent e) {
        if (e.parentId().isEmpty()) {
            return e;
        }
        if (pulls.quiet()) {
            return null;
        }
        if (!e.statusText().isEmpty()) {
            return e;
        }
        return new ProgressEvent(e.id(), e.status(), PullText.of(e.current(), e.total(), pulls.barWidth()), e.text(),
                e.parentId(), e.current(), e.total(), e.percent());
    }

    /**
     * The board an event goes to: the pulls' own while the operation is still pulling (a service's
     * "Pulling", its layers, then its "Pulled" or error), else the operation's. The first other event
     * ends the pulls' display with its last frame.
     */
    private ProgressBoard boardFor(ProgressEvent e) {
        if (pullPhase == PullPhase.OVER) {
            return board;
        }
        boolean pull = !e.parentId().isEmpty() || pulledServices.contains(e.id())
                || (e.text().equals("Pulling") && e.status() == ProgressEvent.Status.WORKING);
        if (pull) {
            pullPhase = PullPhase.PULLING;
            if (e.parentId().isEmpty()) {
                pulledServices.add(e.id());
            }
            return pullBoard;
        }
        endPulls();
        return board;
    }

    /** Draws the pulls' display a last time, if there was one; later frames are the operation's. */
    private void endPulls() {
        if (pullPhase == PullPhase.PULLING && mode == Mode.TTY) {
            drawFrame(pullBoard);
        }
        pullPhase = PullPhase.OVER;
    }

    @Override
    public void warning(String message) {
        synchronized (lock) {
            if (log == null) {
                log = new LogFormat(terminalLog, ticker.origin(), ticker.zone());
            }
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
                boolean pullsOnly = pullPhase == PullPhase.PULLING;
                endPulls();
                if (!pullsOnly) {
                    draw();
                }
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
        drawFrame(pullPhase == PullPhase.PULLING ? pullBoard : board);
    }

    private void drawFrame(ProgressBoard target) {
        ProgressFrame frame = ProgressFrame.render(target.state(), width, height, ticker.now());
        write(frame.ansi());
        target.drawn(frame);
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
