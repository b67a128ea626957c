package io.github.compose4j;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.logs.AttachedUp;
import io.github.compose4j.logs.LogConsumer;
import io.github.compose4j.logs.LogsOptions;
import io.github.compose4j.logs.ProjectLogs;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.execute.PlanExecutor;
import io.github.compose4j.model.Network;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.Volume;
import io.github.compose4j.lifecycle.ExitWaiter;
import io.github.compose4j.load.canonical.ModelBinder;
import io.github.compose4j.observe.LabelProjects;
import io.github.compose4j.observe.ConfigHashes;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.plan.Action;
import io.github.compose4j.plan.DownOptions;
import io.github.compose4j.plan.DownPlanner;
import io.github.compose4j.plan.LifecyclePlanner;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.Planner;
import io.github.compose4j.plan.Step;
import io.github.compose4j.plan.UpOptions;

import java.util.List;

/**
 * compose4j's operations on a project, each the same story: observe the engine once, plan (pure),
 * execute the plan. Built from an engine and a progress listener; no
 * docker-java type appears here.
 */
public final class Compose {
    private final Engine engine;
    private final ProgressListener listener;
    private final int parallelism;
    private final io.github.compose4j.build.UpBuilds upBuilds;
    private volatile PlanExecutor running;

    /**
     * @param parallelism the most engine operations at once; 0 or less for no limit
     */
    public Compose(Engine engine, ProgressListener listener, int parallelism) {
        this.engine = engine;
        this.listener = listener;
        this.parallelism = parallelism;
        this.upBuilds = io.github.compose4j.build.UpBuilds.of(engine, io.github.compose4j.build.BuildOutput.NONE,
                io.github.compose4j.build.RegistryConfig.NONE, io.github.compose4j.build.BuildOptions.defaults(),
                parallelism);
    }

    private Compose(Compose base, io.github.compose4j.build.UpBuilds upBuilds) {
        this.engine = base.engine;
        this.listener = base.listener;
        this.parallelism = base.parallelism;
        this.upBuilds = upBuilds;
    }

    /** What {@code up} would do now. */
    public Plan planUp(Project project, UpOptions options) {
        return Planner.up(project, ObservedState.forUp(engine, project), options);
    }

    /**
     * Creates (and, unless told not to, starts) the project's containers, as {@code up -d}. Images to
     * pull are pulled first and the rest planned afterwards, as Compose does, so that what a container
     * is compared with is the image actually present. Returns the plan carried out after the pulls.
     */
    public Plan up(Project project, UpOptions options, ExecutionOptions execution) {
        ConfigHashes hashes = ConfigHashes.ahead(project);
        ObservedState observed = ObservedState.forUp(engine, project);
        Plan plan = Planner.up(project, observed, options, hashes);
        List<Step> pulls = plan.steps().stream().filter(s -> s.action() instanceof Action.PullImage).toList();
        if (!pulls.isEmpty()) {
            execute(project, new Plan(pulls, List.of()), observed, execution);
            observed = ObservedState.forUp(engine, project);
            plan = Planner.upAfterPull(project, observed, options, hashes);
        }
        if (upBuilds.run(project, observed)) {
            observed = ObservedState.forUp(engine, project);
            plan = Planner.upAfterPull(project, observed, options, hashes);
        }
        execute(project, plan, observed, execution, hashes);
        return plan;
    }

    /** What {@code down} would do now. */
    public Plan planDown(Project project, DownOptions options) {
        return withImages(DownPlanner.down(project, ObservedState.capture(engine, project), options), project, options);
    }

    /** Removes what {@code up} created for the project. */
    public Plan down(Project project, DownOptions options, ExecutionOptions execution) {
        ObservedState observed = ObservedState.capture(engine, project);
        Plan plan = withImages(DownPlanner.down(project, observed, options), project, options);
        execute(project, plan, observed, execution);
        return plan;
    }

    /** The plan with the image removals of {@code --rmi}, which read the engine's images. */
    private Plan withImages(Plan plan, Project project, DownOptions options) {
        return io.github.compose4j.execute.ImagesToRemove.addRemovals(plan,
            io.github.compose4j.execute.ImagesToRemove.of(engine, project, options.images(), options.removeOrphans()));
    }

    /**
     * {@code down} of a project known only by its name ({@code -p NAME} without a compose file): the engine
     * is read once, for the project its labels describe and for the plan, as Compose does.
     */
    public Plan downFromLabels(String projectName, DownOptions options, ExecutionOptions execution) {
        ObservedState observed = ObservedState.capture(engine, projectName);
        Project project = fromLabels(observed);
        Plan plan = withImages(DownPlanner.down(project, observed, options), project, options);
        execute(project, plan, observed, execution);
        return plan;
    }

    /** What {@link #downFromLabels} would do now. */
    public Plan planDownFromLabels(String projectName, DownOptions options) {
        ObservedState observed = ObservedState.capture(engine, projectName);
        Project project = fromLabels(observed);
        return withImages(DownPlanner.down(project, observed, options), project, options);
    }

    private static Project fromLabels(ObservedState observed) {
        return LabelProjects.of(observed, ModelBinder.zero(Service.class), ModelBinder.zero(Network.class),
                ModelBinder.zero(Volume.class));
    }

    // Lifecycle

    /** What {@code start} would do: the project's services in dependency order. */
    public Plan planStart(Project project) {
        return LifecyclePlanner.start(project);
    }

    /** Starts the project's containers that are not running, each service after its dependencies' conditions. */
    public Plan start(Project project, ExecutionOptions execution) {
        return run(project, planStart(project), execution);
    }

    /** What {@code stop} would do: the containers of {@code services} (all when empty), dependents first. */
    public Plan planStop(Project project, List<String> services) {
        return LifecyclePlanner.stop(project, observe(project), services);
    }

    public Plan stop(Project project, List<String> services, ExecutionOptions execution) {
        return run(project, planStop(project, services), execution);
    }

    /** What {@code restart} would do. */
    public Plan planRestart(Project project, List<String> services, boolean noDeps) {
        return LifecyclePlanner.restart(project, observe(project), services, noDeps);
    }

    public Plan restart(Project project, List<String> services, boolean noDeps, ExecutionOptions execution) {
        return run(project, planRestart(project, services, noDeps), execution);
    }

    /** What {@code kill} would do; an empty plan when no container runs. */
    public Plan planKill(Project project, List<String> services, String signal, boolean removeOrphans) {
        return LifecyclePlanner.kill(project, observe(project), services, signal, removeOrphans);
    }

    /** What {@code pause} would do. */
    public Plan planPause(Project project, List<String> services) {
        return LifecyclePlanner.pause(project, observe(project), services);
    }

    /** What {@code unpause} would do. */
    public Plan planUnpause(Project project, List<String> services) {
        return LifecyclePlanner.unpause(project, observe(project), services);
    }

    /** What {@code rm} would remove: containers that do not run; the caller confirms, then {@link #run}s it. */
    public Plan planRemove(Project project, List<String> services, boolean force, boolean volumes) {
        return LifecyclePlanner.remove(project, observe(project), services, force, volumes);
    }

    /** Carries out a plan made by one of the {@code plan...} methods. */
    public Plan run(Project project, Plan plan, ExecutionOptions execution) {
        execute(project, plan, observe(project), execution);
        return plan;
    }

    /**
     * {@code wait}: blocks until the running containers of {@code services} have exited, and answers the exit
     * code of the last one.
     */
    public int waitForExit(String projectName, List<String> services, ExitWaiter.ExitListener exits) {
        return new ExitWaiter(engine).waitForExit(projectName, services, exits);
    }

    private ObservedState observe(Project project) {
        return ObservedState.capture(engine, project.name());
    }

    /** The project as the engine's labels describe it, for commands run without a compose file. */
    public Project projectFromLabels(String projectName) {
        return fromLabels(ObservedState.capture(engine, projectName));
    }

    private void execute(Project project, Plan plan, ObservedState observed, ExecutionOptions execution) {
        execute(project, plan, observed, execution, ConfigHashes.lazy());
    }

    private void execute(Project project, Plan plan, ObservedState observed, ExecutionOptions execution,
                         ConfigHashes hashes) {
        PlanExecutor executor = new PlanExecutor(engine, listener, parallelism, execution);
        running = executor;
        try {
            executor.execute(project, plan, observed, hashes);
        } finally {
            running = null;
        }
    }

    /** Stops an operation in progress at its next step (the first Ctrl-C). */
    public void cancel() {
        PlanExecutor r = running;
        if (r != null) {
            r.cancel();
        }
        io.github.compose4j.oneoff.ServiceAttach a = attaching;
        if (a != null) {
            a.cancel();
        }
        io.github.compose4j.watch.ProjectWatch w = watching;
        if (w != null) {
            w.cancel();
        }
    }

    // Inspection

    /** Reads of the project's state for {@code ps}, {@code ls}, {@code top}, {@code port}, {@code images}... */
    public io.github.compose4j.inspect.Inspection inspection() {
        return new io.github.compose4j.inspect.Inspection(engine);
    }

    // Exec, run and copy

    /**
     * {@code run}'s first part: what {@code up} does for the run service's dependencies (the service itself
     * counts as disabled, not as an orphan), then the pull of the service's image if it is missing.
     * {@code project} is the project as {@link io.github.compose4j.oneoff.RunProjects#apply} made it.
     */
    public void runDependencies(Project project, io.github.compose4j.oneoff.RunRequest request,
                                ExecutionOptions execution) {
        Project dependencies = io.github.compose4j.oneoff.RunProjects.dependencies(project, request.service());
        up(dependencies, new UpOptions(List.of(), io.github.compose4j.plan.RecreatePolicy.DIVERGED,
                io.github.compose4j.plan.RecreatePolicy.DIVERGED, true, false, request.ignoreOrphans(), false, 0,
                execution.separator()), execution);
        Project alone = io.github.compose4j.select.Selection.withOnlyServices(project, List.of(request.service()));
        ObservedState observed = ObservedState.capture(engine, alone);
        Plan plan = Planner.up(alone, observed, UpOptions.defaults());
        List<Step> pulls = plan.steps().stream().filter(s -> s.action() instanceof Action.PullImage).toList();
        if (!pulls.isEmpty()) {
            execute(alone, new Plan(pulls, List.of()), observed, execution);
        }
        upBuilds.run(alone, () -> ObservedState.forUp(engine, alone));
    }

    /** {@code run}'s second part: the one-off container, attached to {@code io} unless detached; its exit code. */
    public int runOneOff(Project project, io.github.compose4j.oneoff.RunRequest request, ExecutionOptions execution,
                         io.github.compose4j.oneoff.Console io) {
        io.github.compose4j.oneoff.OneOffRun run = new io.github.compose4j.oneoff.OneOffRun(engine, listener);
        oneOff = run;
        return run.run(project, request, execution, io);
    }

    private volatile io.github.compose4j.oneoff.OneOffRun oneOff;

    /** Stops (or kills) the one-off container of a {@link #runOneOff} in progress: an interrupted {@code run}. */
    public void stopOneOff(boolean kill) {
        io.github.compose4j.oneoff.OneOffRun run = oneOff;
        if (run != null) {
            run.stop(kill);
        }
    }

    /** {@code exec}: a process in a running container of the service; its exit code. */
    public int exec(String projectName, io.github.compose4j.oneoff.ExecRequest request,
                    io.github.compose4j.oneoff.Console io) {
        return new io.github.compose4j.oneoff.ExecProcess(engine).exec(projectName, request, io);
    }

    /**
     * {@code attach}: the caller's streams joined to the service's running container until it exits (its exit code)
     * or the caller detaches (an error, as docker attach reports it).
     */
    public int attach(io.github.compose4j.engine.ContainerDetails target, io.github.compose4j.oneoff.AttachRequest request,
                      io.github.compose4j.oneoff.Console io) {
        io.github.compose4j.oneoff.ServiceAttach attach = new io.github.compose4j.oneoff.ServiceAttach(engine);
        attaching = attach;
        try {
            return attach.attach(target, request, io);
        } finally {
            attaching = null;
        }
    }

    private volatile io.github.compose4j.oneoff.ServiceAttach attaching;

    /** The running container {@code attach} joins: its TTY and open stdin decide how the caller's console is set up. */
    public io.github.compose4j.engine.ContainerDetails attachTarget(String projectName,
                                                                  io.github.compose4j.oneoff.AttachRequest request) {
        return new io.github.compose4j.oneoff.ServiceAttach(engine).target(projectName, request);
    }

    /**
     * {@code watch}: applies the services' {@code develop.watch} rules as their files change, until {@link #cancel()}.
     * Rebuilds write to {@code buildOutput}; what the watch does is told to {@code log}, a line at a time.
     */
    public void watch(Project project, List<io.github.compose4j.watch.WatchedService> services,
                      io.github.compose4j.build.BuildOutput buildOutput, ExecutionOptions execution,
                      java.util.function.Consumer<String> log) {
        io.github.compose4j.watch.ProjectWatch watch = new io.github.compose4j.watch.ProjectWatch(engine,
                new io.github.compose4j.watch.ProjectWatch.Actions() {
                    @Override
                    public void rebuild(String service) {
                        try {
                            new io.github.compose4j.build.ProjectBuilder(engine, buildOutput,
                                    io.github.compose4j.build.RegistryConfig.NONE, parallelism)
                                    .build(project, java.util.Set.of(service),
                                            io.github.compose4j.build.BuildOptions.defaults());
                        } catch (RuntimeException e) {
                            log.accept("Build failed. Error: " + e.getMessage());
                            return;
                        }
                        log.accept("service \"" + service + "\" successfully built");
                        try {
                            // Only this service, recreated on its new image; the image is built already.
                            withUpBuilds(io.github.compose4j.build.UpBuilds.none()).up(
                                    io.github.compose4j.select.Selection.withOnlyServices(project, List.of(service)),
                                    new UpOptions(List.of(service), io.github.compose4j.plan.RecreatePolicy.FORCE,
                                            io.github.compose4j.plan.RecreatePolicy.NEVER, true, false, true, false, 0,
                                            "-"), execution);
                        } catch (RuntimeException e) {
                            log.accept("Failed to recreate service after update. Error: " + e.getMessage());
                        }
                    }

                    @Override
                    public void restart(String service) {
                        Compose.this.restart(project, List.of(service), false, execution);
                    }
                }, log);
        watching = watch;
        try {
            watch.run(project.name(), services);
        } finally {
            watching = null;
        }
        if (Thread.currentThread().isInterrupted() || watch.cancelled()) {
            throw new io.github.compose4j.error.ComposeException(io.github.compose4j.error.Failure.CANCELED, "canceled");
        }
    }

    private volatile io.github.compose4j.watch.ProjectWatch watching;

    /** {@code cp}: files between the service's containers and local paths ({@code cwd} for relative ones). */
    public void copy(String projectName, io.github.compose4j.oneoff.CopyRequest request, java.nio.file.Path cwd,
                     java.io.InputStream stdin, java.io.OutputStream stdout) {
        new io.github.compose4j.oneoff.ContainerCopy(engine, listener).copy(projectName, request, cwd, stdin, stdout);
    }

    // Logs and attach

    /** Shows the project's container output ({@code logs}); with follow, until every followed container has ended. */
    public void logs(String projectName, LogsOptions options, LogConsumer consumer) {
        new ProjectLogs(engine).run(projectName, options, consumer);
    }

    /**
     * An attached {@code up} writing container output to {@code consumer}, the creation's progress to this facade's
     * listener and the stop's to {@code stopping}; run it once, cancel it from any thread.
     */
    public AttachedUp attachedUp(LogConsumer consumer, ProgressListener stopping) {
        return new AttachedUp(engine, listener, stopping, parallelism, consumer).withBuilds(upBuilds);
    }

    // Build

    /**
     * This facade with the builds {@code up}, {@code create} and {@code run} make: by default the missing images
     * of services with a {@code build} section, output dropped; {@link io.github.compose4j.build.UpBuilds#none()}
     * for {@code --no-build}.
     */
    public Compose withUpBuilds(io.github.compose4j.build.UpBuilds builds) {
        return new Compose(this, builds);
    }

    /**
     * {@code build}: builds the selected services' images (those with a {@code build} section) in dependency
     * order; returns the image id built for each image name.
     */
    public java.util.Map<String, String> build(Project project, io.github.compose4j.build.BuildOptions options,
                                               io.github.compose4j.build.BuildOutput output,
                                               io.github.compose4j.build.RegistryConfig registry) {
        io.github.compose4j.build.ProjectBuilder builder = new io.github.compose4j.build.ProjectBuilder(engine, output,
                registry, parallelism);
        return builder.build(project, io.github.compose4j.build.ProjectBuilder.selected(project, options), options);
    }

    // Images: pull and push

    /** Pulls the images of the project's services by their pull policies ({@code compose pull}). */
    public void pull(Project project, io.github.compose4j.execute.PullOptions options) {
        new io.github.compose4j.execute.ProjectPull(engine, listener, parallelism).pull(project, options);
    }

    /** Pushes the images of the services that are built and named ({@code compose push}). */
    public void push(Project project, io.github.compose4j.execute.PushOptions options) {
        new io.github.compose4j.execute.ProjectPush(engine, listener, parallelism).push(project, options);
    }
}
