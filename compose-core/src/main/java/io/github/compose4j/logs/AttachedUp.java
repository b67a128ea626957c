package io.github.compose4j.logs;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.EventFeed;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.execute.PlanExecutor;
import io.github.compose4j.graph.DependencyGraph;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.plan.Action;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.Planner;
import io.github.compose4j.plan.Step;
import io.github.compose4j.plan.UpOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code up} without {@code -d}, as Docker Compose runs it: create the containers, attach to the selected ones,
 * watch the project's events, start, then show output until the watched containers have ended (or, with cascade
 * stop, stop the project at the first exit). The first {@link #cancel()} stops the services gracefully; output stops
 * being shown at once.
 */
public final class AttachedUp {
    private final Engine engine;
    private final ProgressListener progress;
    private final ProgressListener stopping;
    private final int parallelism;
    private final LogConsumer consumer;
    private final LogPrinter printer;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<String, OutputReader> readers = new ConcurrentHashMap<>();
    private volatile PlanExecutor creating;
    private volatile Project project;
    private volatile AttachOptions attach;
    private volatile ExecutionOptions execution;
    private volatile Thread stopThread;
    private volatile EventFeed feed;
    /** Set once the containers are created: from then on, cancelling stops them. */
    private volatile boolean attached;

    /**
     * @param progress shows the pulls and the creation
     * @param stopping shows the stop after Ctrl-C or a container's exit with cascade stop
     */
    public AttachedUp(Engine engine, ProgressListener progress, ProgressListener stopping, int parallelism,
                      LogConsumer consumer) {
        this.engine = engine;
        this.progress = progress;
        this.stopping = stopping;
        this.parallelism = parallelism;
        this.consumer = consumer;
        this.printer = new LogPrinter(consumer);
    }

    private io.github.compose4j.build.UpBuilds builds = io.github.compose4j.build.UpBuilds.none();

    /** Makes this run build what {@code up} builds once the pulls are done. */
    public AttachedUp withBuilds(io.github.compose4j.build.UpBuilds builds) {
        this.builds = builds;
        return this;
    }

    /**
     * Runs {@code up} attached.
     *
     * @return the exit code: that of the {@code exitCodeFrom} service (or the first to exit) with cascade stop,
     *     130 when cancelled, else 0
     */
    public int run(Project project, UpOptions options, ExecutionOptions execution, AttachOptions attach) {
        this.project = project;
        this.attach = attach;
        this.execution = execution;
        UpOptions createOnly = new UpOptions(options.services(), options.recreate(), options.recreateDependencies(),
            false, options.removeOrphans(), options.ignoreOrphans(), false, 0, options.separator(),
            options.removeForeignOrphans());
        create(project, createOnly);
        consumer.created();
        attached = true;
        if (cancelled.get()) {
            return 130;
        }
        AtomicInteger exitCode = new AtomicInteger();
        Thread printing = new Thread(() -> exitCode.set(printer.run(attach.cascadeStop(), attach.exitCodeFrom(),
            this::abort)), "compose4j-printer");
        printing.setDaemon(true);
        try (EventFeed feed = engine.events(Map.of(Labels.PROJECT, project.name()))) {
            this.feed = feed;
            if (cancelled.get()) {
                feed.close();
            }
            attachAll(project, attach);
            Thread watcher = watcher(project, attach, feed);
            watcher.start();
            printing.start();
            if (!cancelled.get()) {
                try {
                    execute(Planner.upAfterPull(project, ObservedState.capture(engine, project), options),
                        ProgressListener.NONE);
                } catch (ComposeException e) {
                    // Ctrl-C while starting ends the start; the graceful stop under way takes over.
                    if (!cancelled.get() || e.failure() != Failure.CANCELED) {
                        throw e;
                    }
                }
            }
            join(watcher);
            for (OutputReader r : readers.values()) {
                if (!r.await(2_000)) {
                    r.close();
                }
            }
            printer.finish();
            join(printing);
            Thread stop = stopThread;
            if (stop != null) {
                join(stop);
            }
        } finally {
            printer.stop();
            readers.values().forEach(OutputReader::close);
        }
        return cancelled.get() ? 130 : exitCode.get();
    }

    /**
     * The first Ctrl-C: stops showing output and stops the services (in the background).
     *
     * @return whether a graceful stop began (false while containers are still being created: that is cancelled
     *     instead)
     */
    public synchronized boolean cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return false;
        }
        PlanExecutor c = creating;
        if (c != null) {
            c.cancel();
        }
        if (!attached) {
            return false;
        }
        printer.cancel();
        Thread t = new Thread(() -> {
            try {
                stopServices();
            } finally {
                // Containers that never started will not die: the watch ends here rather than wait for them.
                EventFeed f = feed;
                if (f != null) {
                    f.close();
                }
            }
        }, "compose4j-stop");
        t.setDaemon(true);
        stopThread = t;
        t.start();
        return true;
    }

    /** The second Ctrl-C: kills the services' running containers. */
    public void kill() {
        Project p = project;
        if (p == null) {
            return;
        }
        for (ContainerSummary c : engine.listContainers(Map.of(Labels.PROJECT, p.name(), Labels.ONEOFF, "False"),
            false)) {
            if (selected(c.label(Labels.SERVICE))) {
                try {
                    engine.killContainer(c.id(), "SIGKILL");
                } catch (EngineException e) {
                    // already gone or stopped: nothing to kill
                }
            }
        }
    }

    private void abort() {
        consumer.aborting();
        stopServices();
    }

    /**
     * Pulls what must be pulled, then plans the creation against the images now present, as {@code up -d} does.
     * Containers created here are started later: the display keeps them in progress.
     */
    private void create(Project project, UpOptions createOnly) {
        Plan plan = Planner.up(project, ObservedState.capture(engine, project), createOnly);
        List<Step> pulls = plan.steps().stream().filter(s -> s.action() instanceof Action.PullImage).toList();
        if (!pulls.isEmpty()) {
            execute(new Plan(pulls, List.of()), progress);
            if (cancelled.get()) {
                return;
            }
            plan = Planner.upAfterPull(project, ObservedState.capture(engine, project), createOnly);
        }
        if (builds.run(project, () -> ObservedState.capture(engine, project))) {
            plan = Planner.upAfterPull(project, ObservedState.capture(engine, project), createOnly);
        }
        execute(plan, new MoreFollows(progress));
    }

    /**
     * Tells the display that more follows (the start) once the containers' turn comes, as Compose does after
     * the networks and volumes are ready.
     */
    private static final class MoreFollows implements ProgressListener {
        private final ProgressListener display;
        private final AtomicBoolean told = new AtomicBoolean();

        MoreFollows(ProgressListener display) {
            this.display = display;
        }

        @Override
        public void event(io.github.compose4j.event.ProgressEvent event) {
            if (event.id().startsWith("Container ") && told.compareAndSet(false, true)) {
                display.hasMore(true);
            }
            display.event(event);
        }

        @Override
        public void warning(String message) {
            display.warning(message);
        }

        @Override
        public void hasMore(boolean more) {
            display.hasMore(more);
        }

        @Override
        public void tailMessage(String message) {
            display.tailMessage(message);
        }
    }

    private void execute(Plan plan, ProgressListener listener) {
        PlanExecutor executor = new PlanExecutor(engine, listener, parallelism, execution);
        creating = executor;
        if (cancelled.get()) {
            executor.cancel();
        }
        try {
            executor.execute(project, plan, ObservedState.capture(engine, project));
        } finally {
            creating = null;
        }
    }

    private void attachAll(Project project, AttachOptions attach) {
        List<ContainerSummary> containers = containers(project, attach.attachTo());
        if (containers.isEmpty()) {
            return;
        }
        consumer.attaching(containers.stream().map(c -> Watched.of(c).name()).toList());
        for (ContainerSummary c : containers) {
            attachTo(Watched.of(c));
        }
    }

    private void attachTo(Watched c) {
        printer.handle(new StreamEvent.Attach(c.name(), c.id(), c.service()));
        try {
            readers.put(c.id(), new OutputReader(c.name(), c.id(), engine.attachOutput(c.id()), false, printer,
                r -> { }).start());
        } catch (EngineException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    private Thread watcher(Project project, AttachOptions attach, EventFeed feed) {
        List<String> toWatch = ProjectWatcher.union(attach.attachTo(), attach.services());
        List<Watched> initial = containers(project, toWatch).stream().map(Watched::of).toList();
        ProjectWatcher watch = new ProjectWatcher(engine, toWatch, attach.services());
        Thread t = new Thread(() -> watch.watch(feed, initial, new FollowedOutput(printer, readers) {
            @Override
            public void started(Watched c, long timeNanos) {
                if (attach.attachTo().contains(c.service())) {
                    attachTo(c);
                } else {
                    printer.handle(new StreamEvent.Attach(c.name(), c.id(), c.service()));
                }
            }
        }), "compose4j-watch");
        t.setDaemon(true);
        return t;
    }

    /** The project's containers (not one-offs) of {@code services}, all when none is named, by name. */
    private List<ContainerSummary> containers(Project project, List<String> services) {
        List<ContainerSummary> all = new ArrayList<>(engine.listContainers(
            Map.of(Labels.PROJECT, project.name(), Labels.ONEOFF, "False"), true));
        if (!services.isEmpty()) {
            all.removeIf(c -> !services.contains(c.label(Labels.SERVICE)));
        }
        all.sort(Comparator.comparing(ContainerSummary::name));
        return all;
    }

    private boolean selected(String service) {
        List<String> services = attach == null ? List.of() : attach.services();
        return services.isEmpty() ? project.services().containsKey(service) : services.contains(service);
    }

    /** Stops the selected services' containers, dependents first, as {@code stop} does. */
    private void stopServices() {
        Project p = project;
        ObservedState observed = ObservedState.capture(engine, p);
        DependencyGraph graph = DependencyGraph.of(p.services());
        List<Step> steps = new ArrayList<>();
        Map<String, List<String>> stepsOf = new HashMap<>();
        for (String service : graph.stopOrder()) {
            if (!selected(service)) {
                continue;
            }
            List<String> after = new ArrayList<>();
            graph.dependents(service).forEach(d -> after.addAll(stepsOf.getOrDefault(d, List.of())));
            List<String> ids = new ArrayList<>();
            for (ContainerSummary c : observed.serviceContainers(service)) {
                String id = "stop:" + c.name();
                steps.add(new Step(id, new Action.StopContainer(service, c.id(), c.name()), after, ""));
                ids.add(id);
            }
            stepsOf.put(service, ids);
        }
        new PlanExecutor(engine, stopping, parallelism, execution).execute(p, new Plan(steps, List.of()), observed);
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
