package io.github.compose4j.engine;

import java.io.InputStream;

/**
 * An open connection to a container's or an exec's streams. {@link #output()} is the raw stream: the
 * engine's multiplexed frames, or the terminal's bytes as they are when a TTY was allocated (see
 * {@link StreamFrames}). Closing ends the connection.
 */
public interface StreamSession extends AutoCloseable {
    InputStream output();

    @Override
    void close();
}
