package io.github.compose4j.engine;

import java.util.Optional;

/**
 * A container's output being streamed from the engine, read by one thread at a time. Memory use is bounded by one
 * chunk, whatever the length of the output. {@link #close()} may be called from any thread: it ends a blocked
 * {@link #next()}.
 */
public interface ContainerOutput extends AutoCloseable {
    /** The next chunk, waiting for it if the stream follows; empty at the end (or once closed). */
    Optional<OutputChunk> next();

    @Override
    void close();
}
