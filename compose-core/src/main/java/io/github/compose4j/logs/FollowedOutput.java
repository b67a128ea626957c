package io.github.compose4j.logs;

import java.util.Map;

/**
 * The part of following a project that attached {@code up} and {@code logs -f} share: a recreated container is
 * announced, and a container's exit is printed after its last lines. How a container started later is followed
 * (attached, or read from its logs) is each one's own.
 */
abstract class FollowedOutput implements ProjectWatcher.Callbacks {
    /** How long an exit waits for its container's last lines. */
    private static final long LAST_LINES_MILLIS = 5_000;

    private final LogPrinter printer;
    private final Map<String, OutputReader> readers;

    /** @param readers the readers of the followed containers by container id, filled as they start */
    FollowedOutput(LogPrinter printer, Map<String, OutputReader> readers) {
        this.printer = printer;
        this.readers = readers;
    }

    @Override
    public void recreated(Watched c, long timeNanos) {
        printer.handle(new StreamEvent.Attach("", c.id(), c.service()));
    }

    @Override
    public void ended(StreamEvent.Exit exit) {
        OutputReader reader = readers.get(exit.id());
        if (reader != null) {
            reader.await(LAST_LINES_MILLIS);
        }
        printer.handle(exit);
    }
}
