package io.github.compose4j.logs;

import java.util.List;

/**
 * Where container output goes: the CLI formats and writes it. Called from one thread only (the
 * {@link LogPrinter}'s), so implementations need no locking.
 */
public interface LogConsumer {
    /** A container whose output may follow (its prefix width and colour are fixed on registration). */
    void register(String container);

    /** Whole lines a container wrote to stdout, or stderr, without their line ends. */
    void log(String container, boolean stderr, List<String> lines);

    /** A message about a container, such as {@code exited with code 0}. */
    void status(String container, String message);

    /**
     * Attached {@code up} has created the containers (or given up creating them); attaching follows. Called once,
     * not from the printer's thread: the creation's progress display ends here.
     */
    default void created() {
    }

    /** Attached {@code up} follows these containers (called before any output, not from the printer's thread). */
    default void attaching(List<String> containers) {
    }

    /** Attached {@code up} stops the project because a container ended ({@code --abort-on-container-exit}). */
    default void aborting() {
    }

    /** Nothing more is queued for now: buffered output should reach the terminal. */
    default void flush() {
    }
}
