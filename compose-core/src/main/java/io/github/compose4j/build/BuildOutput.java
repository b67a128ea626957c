package io.github.compose4j.build;

/**
 * Where a build's text goes: the builder's output and the context upload's progress, as the docker CLI prints
 * them. Called from the building threads, one service at a time per thread.
 */
public interface BuildOutput {
    /** Output to drop (quiet builds, library use). */
    BuildOutput NONE = new BuildOutput() {
        @Override
        public void text(String service, String text) {
        }
    };

    /** Text the builder printed for {@code service} (lines with their line ends). */
    void text(String service, String text);

    /** How many bytes of {@code service}'s context have been sent so far; {@code done} once all are. */
    default void uploaded(String service, long bytes, boolean done) {
    }

    /** {@code service}'s build is over, whether it succeeded or not. */
    default void finished(String service) {
    }

    /** A warning about {@code service}'s build. */
    default void warning(String service, String message) {
        text(service, "WARNING: " + message + "\n");
    }
}
