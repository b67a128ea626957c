package io.github.compose4j.cli.render;

import io.github.compose4j.event.ProgressEvent.Status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one progress frame is drawn from: the tasks in the order they first appeared, and what
 * the previous frame left on the terminal.
 *
 * @param title         the operation ("Running", "Stopping", "Pulling"...)
 * @param tasks         one per event id, in order of first appearance
 * @param previousLines lines below the header the previous frame drew (0 before the first frame)
 * @param redrawn       whether a frame was drawn before (the first one moves the cursor differently)
 * @param skipChildren  whether nested tasks are hidden (sticky once there were too many for the screen)
 * @param dryRun        whether lines carry the dry-run prefix
 * @param palette       colors, or none
 */
record ProgressState(String title, List<Task> tasks, int previousLines, boolean redrawn, boolean skipChildren,
                     boolean dryRun, Palette palette) {

    ProgressState {
        tasks = List.copyOf(tasks);
    }

    /**
     * One displayed object.
     *
     * @param start   when its first event arrived
     * @param end     when it stopped working (first done, warning or error after work), if it did
     * @param spinner the spinner frame it showed last
     */
    record Task(String id, String parentId, Status status, String text, String statusText,
                long current, long total, int percent, Instant start, Optional<Instant> end, int spinner) {
    }
}
