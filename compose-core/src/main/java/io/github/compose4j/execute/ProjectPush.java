package io.github.compose4j.execute;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.PullProgress;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code compose push} as Docker Compose 2.26 does it: only services that have both a {@code build} section
 * and an {@code image} name are pushed (their image and the build's extra {@code tags}), all at once, at most
 * {@code parallelism} at a time; the others are reported skipped. Without {@code ignoreFailures} the first
 * failure ends the push; with it each failure becomes a message after the progress.
 */
public final class ProjectPush {
    private final Engine engine;
    private final ProgressListener listener;
    private final int parallelism;

    public ProjectPush(Engine engine, ProgressListener listener, int parallelism) {
        this.engine = engine;
        this.listener = listener;
        this.parallelism = parallelism;
    }

    public void push(Project project, PushOptions options) {
        List<Push> pushes = new ArrayList<>();
        for (Service s : new TreeMap<>(project.services()).values()) {
            if (s.build().isEmpty() || s.image().isEmpty()) {
                listener.event(new ProgressEvent(s.name(), ProgressEvent.Status.DONE, "", "Skipped"));
                continue;
            }
            pushes.add(new Push(s.name(), s.image()));
            s.build().get().tags().forEach(tag -> pushes.add(new Push(s.name(), tag)));
        }
        if (pushes.isEmpty()) {
            return;
        }
        int threads = parallelism > 0 ? Math.min(parallelism, pushes.size()) : pushes.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "compose-push");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
        try {
            for (Push p : pushes) {
                done.submit(() -> {
                    pushOne(p, options);
                    return null;
                });
            }
            for (int i = 0; i < pushes.size(); i++) {
                Future<Void> f = done.take();
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComposeException(Failure.CANCELED, "canceled");
        } finally {
            pool.shutdownNow();
        }
    }

    private void pushOne(Push p, PushOptions options) {
        try {
            engine.pushImage(p.tag(), m -> {
                if (!options.quiet()) {
                    event(p.tag(), m);
                }
            });
        } catch (EngineException e) {
            if (!options.ignoreFailures()) {
                throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
            }
            listener.tailMessage("Pushing " + p.service() + ": " + e.getMessage());
        }
    }

    /** A layer's progress, as Compose shows it; messages about the whole image make none. */
    private void event(String tag, PullProgress m) {
        if (m.layer().isEmpty()) {
            return;
        }
        String status = m.status().toLowerCase(Locale.ROOT);
        boolean finished = status.equals("pushed") || status.equals("layer already exists");
        int percent = finished ? 100 : m.total() > 0 ? (int) (m.current() * 100 / m.total()) : 0;
        listener.event(new ProgressEvent("Pushing " + tag + ": " + m.layer(),
            finished ? ProgressEvent.Status.DONE : ProgressEvent.Status.WORKING, "", m.status(), "",
            m.total() > 0 ? m.current() : 0, m.total(), percent));
    }

    private record Push(String service, String tag) {
    }
}
