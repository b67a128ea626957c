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
}
