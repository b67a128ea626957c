package io.github.compose4j.engine;

/**
 * A wait on a container's exit, registered with the engine when it is obtained, so that an exit that
 * happens right after a start (or an automatic removal) is not missed.
 */
public interface ExitWatch extends AutoCloseable {
    /** Blocks until the container exits (or is removed, when watched until removal) and answers its exit code. */
    int await();

    @Override
    void close();
}
