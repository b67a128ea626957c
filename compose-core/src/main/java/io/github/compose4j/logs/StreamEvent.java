package io.github.compose4j.logs;

import java.util.List;

/** What reader and watcher threads tell the {@link LogPrinter}. */
public sealed interface StreamEvent {
    /** A container is followed (its output, if attached, may come). */
    record Attach(String container, String id, String service) implements StreamEvent {
    }

    /** Lines a container wrote. */
    record Lines(String container, String id, boolean stderr, List<String> lines) implements StreamEvent {
    }

    /**
     * A container ended.
     *
     * @param died       it exited (by itself or killed), rather than being seen only as stopped
     * @param recreated  it ended because it was replaced
     * @param restarting its restart policy brings it back
     */
    record Exit(String container, String id, String service, int exitCode, boolean died, boolean recreated,
                boolean restarting) implements StreamEvent {
    }

    /** The user asked to stop: output is no longer shown. */
    record Cancel() implements StreamEvent {
    }

    /** Nothing more will come: the printer returns once it has handled everything before this. */
    record End() implements StreamEvent {
    }
}
