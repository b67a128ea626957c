package io.github.compose4j.cli.render;

import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;

import java.util.function.Supplier;

/**
 * A progress display opened by its first event, for work that may not happen (attached {@code up} stops the
 * services only on Ctrl-C or a container's exit): a display opened for nothing would draw an empty frame.
 */
public final class LazyProgress implements ProgressListener, AutoCloseable {
    private final Supplier<ProgressDisplay> open;
    private ProgressDisplay display;
    private boolean closed;

    public LazyProgress(Supplier<ProgressDisplay> open) {
        this.open = open;
    }

    @Override
    public void event(ProgressEvent event) {
        ProgressDisplay d = display();
        if (d != null) {
            d.event(event);
        }
    }

    @Override
    public void warning(String message) {
        ProgressDisplay d = display();
        if (d != null) {
            d.warning(message);
        }
    }

    @Override
    public void hasMore(boolean more) {
        ProgressDisplay d = display();
        if (d != null) {
            d.hasMore(more);
        }
    }

    @Override
    public void tailMessage(String message) {
        ProgressDisplay d = display();
        if (d != null) {
            d.tailMessage(message);
        }
    }

    private synchronized ProgressDisplay display() {
        if (display == null && !closed) {
            display = open.get();
        }
        return display;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (display != null) {
            display.close();
        }
    }
}
