package io.github.compose4j.cli.render;

import io.github.compose4j.cli.render.ProgressState.Task;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressEvent.Status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks a terminal display knows, updated by events with Compose's rules: a task's clock stops at
 * its first done, warning or error; once stopped, working events no longer change it; while more work
 * follows ({@link #hasMore}) a done event keeps an already known task working; byte counts and percent
 * only grow; a parent can be set or cleared but not swapped. Not thread-safe: the display locks.
 */
final class ProgressBoard {
    private final String title;
    private final boolean dryRun;
    private final Palette palette;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private boolean hasMore;
    private int lines;
    private boolean redrawn;
    private boolean skipChildren;

    ProgressBoard(String title, boolean dryRun, Palette palette) {
        this.title = title;
        this.dryRun = dryRun;
        this.palette = palette;
    }

    void hasMore(boolean more) {
        hasMore = more;
    }

    void apply(ProgressEvent e, Instant now) {
        Task last = tasks.get(e.id());
        if (last == null) {
            boolean stopped = e.status() == Status.DONE || e.status() == Status.ERROR;
            tasks.put(e.id(), new Task(e.id(), e.parentId(), e.status(), e.text(), e.statusText(), e.current(),
                    e.total(), e.percent(), now, stopped ? Optional.of(now) : Optional.empty(), 0));
            return;
        }
        Status status = e.status() == Status.DONE && hasMore ? Status.WORKING : e.status();
        Optional<Instant> end = last.end();
        if (status == Status.WORKING) {
            if (end.isPresent()) {
                return;
            }
        } else if (end.isEmpty()) {
            end = Optional.of(now);
        }
        String parent = last.parentId().isEmpty() || e.parentId().isEmpty() ? e.parentId() : last.parentId();
        tasks.put(e.id(), new Task(e.id(), parent, status, e.text(), e.statusText(),
                Math.max(last.current(), e.current()), Math.max(last.total(), e.total()),
                Math.max(last.percent(), e.percent()), last.start(), end, last.spinner()));
    }

    ProgressState state() {
        return new ProgressState(title, tasks.values().stream().toList(), lines, redrawn, skipChildren, dryRun, palette);
    }

    /** Records what a frame drawn from {@link #state()} left on the terminal. */
    void drawn(ProgressFrame frame) {
        if (tasks.isEmpty()) {
            return;
        }
        lines = frame.lineCount();
        redrawn = true;
        skipChildren = frame.skipChildren();
        frame.spinners().forEach((id, spinner) -> {
            Task t = tasks.get(id);
            tasks.put(id, new Task(t.id(), t.parentId(), t.status(), t.text(), t.statusText(), t.current(),
                    t.total(), t.percent(), t.start(), t.end(), spinner));
        });
    }
}
