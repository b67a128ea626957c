package io.github.compose4j.oneoff;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The caller's side of a process's streams.
 *
 * @param stdin  what to stream to the process's standard input, when it is attached
 * @param out    where its standard output goes (and everything, with a TTY)
 * @param err    where its standard error goes
 * @param size   the caller's terminal size, sent to the process's TTY when it has one
 * @param events the signals and terminal resizes the caller reports while the process runs
 */
public record Console(Optional<InputStream> stdin, OutputStream out, OutputStream err, Optional<Size> size,
                      ConsoleEvents events) {

    /** A caller that reports no signals nor resizes. */
    public Console(Optional<InputStream> stdin, OutputStream out, OutputStream err, Optional<Size> size) {
        this(stdin, out, err, size, ConsoleEvents.NONE);
    }

    /** A terminal size in character cells. */
    public record Size(int rows, int columns) {
    }
}
