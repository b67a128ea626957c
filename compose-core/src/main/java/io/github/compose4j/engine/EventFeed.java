package io.github.compose4j.engine;

import java.util.Optional;

/**
 * Engine events as they happen, read by one thread at a time. {@link #close()} may be called from any thread: it
 * ends a blocked {@link #next()}.
 */
public interface EventFeed extends AutoCloseable {
    /** The next event, waiting for it; empty once the feed is closed or the engine ends it. */
    Optional<EngineEvent> next();

    @Override
    void close();
}
