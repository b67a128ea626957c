package io.github.compose4j.engine;

/**
 * A piece of a container's output as the engine sends it: not necessarily a whole line, never part of two streams.
 *
 * @param stderr whether it was written to standard error (a container with a TTY has only standard output)
 */
public record OutputChunk(boolean stderr, byte[] bytes) {
}
