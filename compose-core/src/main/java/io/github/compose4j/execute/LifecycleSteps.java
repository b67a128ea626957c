package io.github.compose4j.execute;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.plan.Action;

/** Carries out the actions on existing containers ({@code restart}, {@code rm}, {@code kill}, {@code pause}...). */
final class LifecycleSteps {
    private final Engine engine;
    private final ProgressListener listener;
    private final ExecutionOptions options;

    LifecycleSteps(Engine engine, ProgressListener listener, ExecutionOptions options) {
        this.engine = engine;
        this.listener = listener;
        this.options = options;
    }

    /** Runs {@code a} if it is one of these actions; false otherwise. */
    boolean run(Action a) {
        if (a instanceof Action.RestartExistingContainer r) {
            String event = "Container " + r.name();
            listener.event(ProgressEvent.working(event, "Restarting"));
            call(() -> engine.restartContainer(r.id(), options.stopTimeoutSeconds()));
            listener.event(ProgressEvent.done(event, "Started"));
        } else if (a instanceof Action.RemoveStoppedContainer r) {
            String event = "Container " + r.name();
            listener.event(ProgressEvent.working(event, "Removing"));
            call(() -> engine.removeContainer(r.id(), r.force(), r.removeVolumes()));
            listener.event(ProgressEvent.done(event, "Removed"));
        } else if (a instanceof Action.KillContainer k) {
            String event = "Container " + k.name();
            listener.event(ProgressEvent.working(event, "Killing"));
            try {
                engine.killContainer(k.id(), k.signal());
            } catch (EngineException e) {
                listener.event(ProgressEvent.error(event, "Error while Killing"));
                throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
            }
            listener.event(ProgressEvent.done(event, "Killed"));
        } else if (a instanceof Action.PauseContainer p) {
            call(() -> engine.pauseContainer(p.id()));
            listener.event(ProgressEvent.done("Container " + p.name(), "Paused"));
        } else if (a instanceof Action.UnpauseContainer u) {
            call(() -> engine.unpauseContainer(u.id()));
            listener.event(ProgressEvent.done("Container " + u.name(), "Unpaused"));
        } else {
            return false;
        }
        return true;
    }

    private static void call(Runnable engineCall) {
        try {
            engineCall.run();
        } catch (EngineException e) {
            throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
        }
    }
}
