package io.github.compose4j.oneoff;

import io.github.compose4j.engine.Engine;

/**
 * A container attached to the caller's console: the signals the caller receives go to the container when
 * forwarded, and with a TTY, the container's terminal follows the caller's size.
 */
final class ContainerConsole implements ConsoleEvents.Listener {
    private final Engine engine;
    private final String id;
    private final boolean forwardSignals;
    private final boolean tty;

    ContainerConsole(Engine engine, String id, boolean forwardSignals, boolean tty) {
        this.engine = engine;
        this.id = id;
        this.forwardSignals = forwardSignals;
        this.tty = tty;
    }

    @Override
    public void signalled(String signal) {
        if (!forwardSignals) {
            return;
        }
        try {
            engine.killContainer(id, signal);
        } catch (RuntimeException e) {
            // Not running (yet, or any more): the signal has no process to reach.
        }
    }

    @Override
    public void resized(Console.Size size) {
        if (!tty) {
            return;
        }
        try {
            engine.resizeContainerTty(id, size.rows(), size.columns());
        } catch (RuntimeException e) {
            // A container that already exited has no TTY to resize.
        }
    }
}
