package io.github.compose4j.lifecycle;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.observe.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code wait}: blocks until every running container of the named services (one-offs included) has
 * exited, as Docker Compose 2.26 does, and answers the exit code of the last one to exit.
 */
public final class ExitWaiter {
    /** Compose's exit code when waiting itself failed. */
    public static final int WAIT_FAILED = 42;

    /** Told of each container's exit as it happens. */
    @FunctionalInterface
    public interface ExitListener {
        void exited(String containerId, int exitCode);
    }

    private final Engine engine;

    public ExitWaiter(Engine engine) {
        this.engine = engine;
    }

    /**
     * @throws ComposeException when no such container runs ({@code no containers for project "x"}), or with
     *                          {@link #WAIT_FAILED}'s meaning when the engine fails while waiting
     */
    public int waitForExit(String projectName, List<String> services, ExitListener listener) {
        List<ContainerSummary> running = new ArrayList<>();
        for (ContainerSummary c : engine.listContainers(Map.of(Labels.PROJECT, projectName), false)) {
            if (services.isEmpty() || services.contains(c.label(Labels.SERVICE))) {
                running.add(c);
            }
        }
        if (running.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "no containers for project \"" + projectName + "\"");
        }
        AtomicInteger last = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(running.size(), r -> {
            Thread t = new Thread(r, "compose-wait");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> waits = new ArrayList<>();
            for (ContainerSummary c : running) {
                waits.add(pool.submit(() -> {
                    int code = engine.waitContainer(c.id());
                    synchronized (last) {
                        last.set(code);
                        listener.exited(c.id(), code);
                    }
                }));
            }
            for (Future<?> f : waits) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof EngineException ? cause.getMessage() : String.valueOf(cause);
            throw new WaitFailed(message, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComposeException(Failure.CANCELED, "canceled");
        } finally {
            pool.shutdownNow();
        }
        return last.get();
    }

    /** The engine failed while waiting: Compose exits with {@link #WAIT_FAILED} then. */
    public static final class WaitFailed extends ComposeException {
        private static final long serialVersionUID = 1L;

        WaitFailed(String message, Throwable cause) {
            super(Failure.GENERAL, message, cause);
        }

        @Override
        public int exitCode() {
            return WAIT_FAILED;
        }
    }
}
