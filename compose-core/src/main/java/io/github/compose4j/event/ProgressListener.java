package io.github.compose4j.event;

/**
 * Receives progress events and warnings; called from several threads at once, so implementations
 * must be thread-safe.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void event(ProgressEvent event) {
        }

        @Override
        public void warning(String message) {
        }
    };

    void event(ProgressEvent event);

    /** A warning Compose would log ({@code WARN[0000] ...}). */
    void warning(String message);

    /**
     * Whether more work on the same objects follows in this operation ({@code up} creates, then
     * starts): while it does, a display keeps objects reported done as still in progress.
     */
    default void hasMore(boolean more) {
    }

    /** A message a display prints once, after its last progress frame. */
    default void tailMessage(String message) {
    }
}
