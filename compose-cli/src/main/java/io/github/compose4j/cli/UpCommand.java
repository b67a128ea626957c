package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.render.LazyProgress;
import io.github.compose4j.cli.render.LogLines;
import io.github.compose4j.cli.render.LogOutput;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.logs.AttachOptions;
import io.github.compose4j.logs.AttachedUp;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.plan.PlanFormatter;
import io.github.compose4j.plan.RecreatePolicy;
import io.github.compose4j.plan.UpOptions;
import io.github.compose4j.select.Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code compose up} (and {@code create}, which is {@code up --no-start}). */
@Command(name = "up", description = "Create and start containers")
public class UpCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: Run containers in the background")
    boolean detach;

    @Option(names = "--build", description = "Build images before starting containers")
    boolean build;

    @Option(names = "--no-build", description = "Don't build an image, even if it's policy")
    boolean noBuild;

    @Option(names = {"-w", "--watch"},
            description = "Watch source code and rebuild/refresh containers when files are updated.")
    boolean watch;

    @Option(names = "--pull", description = "Pull image before running (\"always\"|\"missing\"|\"never\")")
    String pull;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    Boolean removeOrphans;

    @Option(names = "--remove-foreign-orphans", hidden = true,
            description = "With --remove-orphans, also remove orphans created from another folder (compose4j)")
    boolean removeForeignOrphans;

    @Option(names = "--scale", description = "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.")
    List<String> scale = new ArrayList<>();

    @Option(names = "--no-color", description = "Produce monochrome output")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
    boolean noLogPrefix;

    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration and image haven't changed")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them. Incompatible with --force-recreate.")
    boolean noRecreate;

    @Option(names = "--no-start", description = "Don't start the services after creating them")
    boolean noStart;

    @Option(names = "--abort-on-container-exit", description = "Stops all containers if any container was stopped. Incompatible with -d")
    boolean abortOnContainerExit;

    @Option(names = "--exit-code-from", description = "Return the exit code of the selected service container. Implies --abort-on-container-exit")
    String exitCodeFrom = "";

    @Option(names = {"-t", "--timeout"}, description = "Use this timeout in seconds for container shutdown when attached or when containers are already running")
    Integer timeout;

    @Option(names = "--timestamps", description = "Show timestamps")
    boolean timestamps;

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Option(names = "--always-recreate-deps", description = "Recreate dependent containers. Incompatible with --no-recreate.")
    boolean alwaysRecreateDeps;

    @Option(names = {"-V", "--renew-anon-volumes"}, description = "Recreate anonymous volumes instead of retrieving data from the previous containers")
    boolean renewAnonVolumes;

    @Option(names = "--quiet-pull", description = "Pull without printing progress information")
    boolean quietPull;

    @Option(names = "--attach", description = "Restrict attaching to the specified services. Incompatible with --attach-dependencies.")
    List<String> attach = new ArrayList<>();

    @Option(names = "--no-attach", description = "Do not attach (stream logs) to the specified services")
    List<String> noAttach = new ArrayList<>();

    @Option(names = "--attach-dependencies", description = "Automatically attach to log output of dependent services")
    boolean attachDependencies;

    @Option(names = "--wait", description = "Wait for services to be running|healthy. Implies detached mode.")
    boolean waitForServices;

    @Option(names = "--wait-timeout", description = "Maximum duration to wait for the project to be running|healthy")
    int waitTimeout;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    /** The title of the progress display: Compose titles creating alone (create, up --no-start) apart. */
    String progressTitle() {
        return createOnly() ? "Creating" : "Running";
    }

    /** Whether this command only creates ({@code create}). */
    boolean createOnly() {
        return noStart;
    }

    @Override
    public Integer call() {
        validate();
        Project project = project();
        // The display first: Compose checks the terminal before it talks to the engine.
        try (ProgressDisplay progress = root.progressPullingFirst(progressTitle(), quietPull);
             Engine engine = root.engine()) {
            Compose compose = new Compose(engine, progress, Parallelism.of(root)).withUpBuilds(noBuild
                    ? io.github.compose4j.build.UpBuilds.none()
                    : io.github.compose4j.build.UpBuilds.of(engine, new io.github.compose4j.cli.render.BuildText(root.ctx.out()),
                    io.github.compose4j.build.RegistryConfig.NONE, io.github.compose4j.build.BuildOptions.defaults(),
                        Parallelism.of(root)));
            UpOptions options = upOptions(project);
            if (root.global.dryRun) {
                root.ctx.out().print(PlanFormatter.format(compose.planUp(project, options)));
                return 0;
            }
            ExecutionOptions execution = new ExecutionOptions(timeout == null ? OptionalInt.empty() : OptionalInt.of(timeout),
                    absoluteEnvFiles(), waitForServices, root.global.compatibility ? "_" : "-",
                    Optional.ofNullable(root.ctx.env().get("HOME")).filter(h -> !h.isEmpty()).map(Path::of));
            if (detach || createOnly()) {
                try (Interrupts ignored = Interrupts.onInterrupt(compose::cancel);
                     ProjectLock lock = Main.lock(root.ctx, project.name())) {
                    compose.up(project, options, execution);
                }
                return 0;
            }
            // As Compose's, only an attached up watches; what it watches is checked before anything starts.
            List<io.github.compose4j.watch.WatchedService> watched = watch
                    ? io.github.compose4j.watch.WatchConfig.of(project, services, root.warnings()::warn) : List.of();
            Compose watching = watch
                    ? new Compose(engine, io.github.compose4j.event.ProgressListener.NONE, Parallelism.of(root)) : null;
            return attached(compose, progress, project, options, execution, watching, watched);
        }
    }

    /** {@code up} without {@code -d}: container output until the services end, Ctrl-C stops them. */
    private int attached(Compose compose, ProgressDisplay creating, Project project, UpOptions options,
                         ExecutionOptions execution, Compose watching,
                         List<io.github.compose4j.watch.WatchedService> watched) {
        AttachOptions attachOptions = new AttachOptions(attachTo(project), services, abortOnContainerExit, exitCodeFrom);
        LogLines format = new LogLines(!noColor && Ansi.colors(root), !noLogPrefix);
        // The creation's display ends before the output starts; stopping, if it comes, is a display of its own.
        LogOutput output = new LogOutput(format, timestamps, Clock.systemDefaultZone(), root.ctx.out(), root.ctx.err(),
                root.ctx.err(), creating::close);
        Thread watch = watching == null ? null : watch(watching, project, watched, execution, output);
        try (LazyProgress stopping = new LazyProgress(() -> root.progress("Stopping"))) {
            return attached(compose.attachedUp(output, stopping), output, project, options, execution, attachOptions);
        } finally {
            if (watch != null) {
                watching.cancel();
                try {
                    watch.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** {@code up --watch}'s watch, beside the containers' output; its builds print nothing, as Compose's. */
    private static Thread watch(Compose watching, Project project, List<io.github.compose4j.watch.WatchedService> watched,
                                ExecutionOptions execution, LogOutput output) {
        Thread t = new Thread(() -> {
            try {
                watching.watch(project, watched, io.github.compose4j.build.BuildOutput.NONE, execution,
                        output::watchLine);
            } catch (ComposeException e) {
                if (e.exitCode() != Failure.CANCELED.exitCode()) {
                    output.watchLine(e.getMessage());
                }
            }
        }, "compose-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private int attached(AttachedUp run, LogOutput output, Project project, UpOptions options,
                         ExecutionOptions execution, AttachOptions attachOptions) {
        Runnable first = () -> {
            if (run.cancel()) {
                root.ctx.out().print(LogOutput.CLEAR_LINE);
                root.ctx.out().flush();
                root.ctx.err().println("Gracefully stopping... (press Ctrl+C again to force)");
            }
        };
        try (Interrupts ignored = Interrupts.onInterrupt(first, run::kill)) {
            return run.run(project, options, execution, attachOptions);
        } finally {
            output.flush();
        }
    }

    /** The services whose output is shown, as Compose picks them. */
    private List<String> attachTo(Project project) {
        Set<String> chosen = new LinkedHashSet<>();
        if (!attach.isEmpty()) {
            List<String> unexpected = attach.stream().filter(s -> !project.services().containsKey(s)).sorted().toList();
            if (!unexpected.isEmpty()) {
                throw new ComposeException(Failure.GENERAL,
                        "cannot attach to services not included in up: " + String.join(", ", unexpected));
            }
            chosen.addAll(attach);
        } else {
            Collection<String> names = services.isEmpty() ? project.services().keySet()
                    : attachDependencies ? Selection.closure(project, services) : services;
            for (String name : names) {
                Service s = project.services().get(name);
                if (s != null && s.attach().orElse(true)) {
                    chosen.add(name);
                }
            }
        }
        chosen.removeAll(noAttach);
        return new ArrayList<>(chosen);
    }

    private void validate() {
        if (!exitCodeFrom.isEmpty()) {
            abortOnContainerExit = true;
        }
        if (waitForServices) {
            if (attachDependencies || abortOnContainerExit || !attach.isEmpty()) {
                throw new ComposeException(Failure.GENERAL,
                        "--wait cannot be combined with --abort-on-container-exit, --attach or --attach-dependencies");
            }
            detach = true;
        }
        if (build && noBuild) {
            throw new ComposeException(Failure.GENERAL, "--build and --no-build are incompatible");
        }
        if (noBuild && watch) {
            throw new ComposeException(Failure.GENERAL, "--no-build and --watch are incompatible");
        }
        if (detach && (attachDependencies || abortOnContainerExit || !attach.isEmpty())) {
            throw new ComposeException(Failure.GENERAL,
                    "--detach cannot be combined with --abort-on-container-exit, --attach or --attach-dependencies");
        }
        if (forceRecreate && noRecreate) {
            throw new ComposeException(Failure.GENERAL, "--force-recreate and --no-recreate are incompatible");
        }
        if (alwaysRecreateDeps && noRecreate) {
            throw new ComposeException(Failure.GENERAL, "--always-recreate-deps and --no-recreate are incompatible");
        }
        if (pull != null && !List.of("always", "missing", "never", "policy", "build", "if_not_present").contains(pull)) {
            throw new ComposeException(Failure.GENERAL, "invalid --pull option \"" + pull + "\"");
        }
    }

    private Project project() {
        Project project = root.loader().load(LoadOptions.DEFAULT, services);
        if (!attach.isEmpty() && attachDependencies) {
            throw new ComposeException(Failure.GENERAL, "cannot combine --attach and --attach-dependencies");
        }
        if (project.services().isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "no service selected");
        }
        if (pull != null && !pull.equals("policy")) {
            project = Selection.withPullPolicy(project, pull);
        }
        for (String s : scale) {
            String[] parts = s.split("=", -1);
            if (parts.length != 2) {
                throw new ComposeException(Failure.GENERAL, "invalid --scale option \"" + s + "\". Should be SERVICE=NUM");
            }
            long n;
            try {
                n = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                throw new ComposeException(Failure.GENERAL, "strconv.Atoi: parsing \"" + parts[1] + "\": invalid syntax");
            }
            project = Selection.withScale(project, parts[0], n);
        }
        if (noDeps && !services.isEmpty()) {
            project = Selection.withOnlyServices(project, services);
        }
        if (build) {
            project = io.github.compose4j.build.ProjectBuilder.forcingBuilds(project);
        }
        if (!exitCodeFrom.isEmpty() && !project.services().containsKey(exitCodeFrom)) {
            throw new ComposeException(Failure.GENERAL, "no such service: " + exitCodeFrom
                    + (project.disabledServices().containsKey(exitCodeFrom) ? ": disabled" : ": not found"));
        }
        return project;
    }

    private UpOptions upOptions(Project project) {
        boolean ignoreOrphans = truthy(project.environment().get("COMPOSE_IGNORE_ORPHANS"));
        boolean remove = removeForeignOrphans
                || (removeOrphans != null ? removeOrphans : truthy(root.ctx.env().get("COMPOSE_REMOVE_ORPHANS")));
        if (ignoreOrphans && remove) {
            throw new ComposeException(Failure.GENERAL, "cannot combine COMPOSE_IGNORE_ORPHANS and --remove-orphans");
        }
        RecreatePolicy recreate = noRecreate ? RecreatePolicy.NEVER : forceRecreate ? RecreatePolicy.FORCE : RecreatePolicy.DIVERGED;
        RecreatePolicy deps = noRecreate ? RecreatePolicy.NEVER : alwaysRecreateDeps ? RecreatePolicy.FORCE : RecreatePolicy.DIVERGED;
        return new UpOptions(services, recreate, deps, !createOnly(), remove, ignoreOrphans, waitForServices,
                waitTimeout * 1000L, root.global.compatibility ? "_" : "-", removeForeignOrphans);
    }

    private List<String> absoluteEnvFiles() {
        List<String> out = new ArrayList<>();
        root.global.envFiles.forEach(f -> out.add(root.ctx.cwd().resolve(f).normalize().toString()));
        return out;
    }

    /** Go's strconv.ParseBool truth, false when unset or invalid. */
    static boolean truthy(String v) {
        return v != null && List.of("1", "t", "T", "TRUE", "true", "True").contains(v);
    }
}
