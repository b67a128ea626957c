package io.github.compose4j.engine;

import java.io.InputStream;

/** A tar stream read out of a container, with the engine's stat of the path it was read from. */
public interface ArchiveStream extends AutoCloseable {
    PathStat stat();

    InputStream tar();

    @Override
    void close();
}
