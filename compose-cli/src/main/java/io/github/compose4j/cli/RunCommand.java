package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.load.canonical.ShellWords;
import io.github.compose4j.model.Project;
import io.github.compose4j.oneoff.RunProjects;
import io.github.compose4j.oneoff.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code compose run}: a one-off command in a new container of a service, after its dependencies. */
@Command(name = "run", customSynopsis = "docker compose run [OPTIONS] SERVICE [COMMAND] [ARGS...]",
        description = "Run a one-off command on a service")
public final class RunCommand implements Callable<Integer>, StopsAtPositional {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
    boolean detach;

    @Option(names = {"-e", "--env"}, description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-l", "--label", "--labels"}, description = "Add or override a label")
    List<String> labels = new ArrayList<>();

    @Option(names = "--rm", description = "Automatically remove the container when it exits")
    boolean rm;

    @Option(names = {"-T", "--no-TTY"}, arity = "0..1", description = "Disable pseudo-TTY allocation (default: auto-detected)")
    Boolean noTty;

    @Option(names = {"-t", "--tty"}, arity = "0..1", hidden = true, description = "Allocate a pseudo-TTY")
    Boolean tty;

    @Option(names = {"-i", "--interactive"}, arity = "0..1", description = "Keep STDIN open even if not attached")
    boolean interactive = true;

    @Option(names = "--name", description = "Assign a name to the container")
    String name = "";

    @Option(names = {"-u", "--user"}, description = "Run as specified username or uid")
    String user = "";

    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container")
    String workdir = "";

    @Option(names = "--entrypoint", description = "Override the entrypoint of the image")
    String entrypoint;

    @Option(names = "--cap-add", paramLabel = "list", description = "Add Linux capabilities")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "list", description = "Drop Linux capabilities")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Option(names = {"-v", "--volume", "--volumes"}, description = "Bind mount a volume")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, description = "Publish a container's port(s) to the host")
    List<String> publish = new ArrayList<>();

    @Option(names = "--use-aliases", description = "Use the service's network useAliases in the network(s) the container connects to")
    boolean useAliases;

    @Option(names = {"-P", "--service-ports"}, description = "Run command with all service's ports enabled and mapped to the host")
    boolean servicePorts;

    @Option(names = "--quiet-pull", description = "Pull without printing progress information")
    boolean quietPull;

    @Option(names = "--build", description = "Build image before starting container")
    boolean build;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1..*", paramLabel = "COMMAND")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        if (!publish.isEmpty() && servicePorts) {
            throw new ComposeException(Failure.GENERAL, "--service-ports and --publish are incompatible");
        }
        boolean withTty = !(noTty != null ? noTty : !ConsoleStreams.stdoutIsTerminal());
        if (tty != null) {
            if (noTty != null) {
                throw new ComposeException(Failure.GENERAL, "--tty and --no-TTY can't be used together");
            }
            withTty = tty;
        }
        Project project = root.loader().load(LoadOptions.DEFAULT, List.of(service));
        RunRequest request = new RunRequest(service, command,
                entrypoint == null ? Optional.empty() : Optional.of(ShellWords.split(entrypoint)), env,
                labels(), volumes, publish, name, user, workdir, capAdd, capDrop, detach, rm, withTty, interactive,
                servicePorts, useAliases, noDeps,
                UpCommand.truthy(project.environment().get("COMPOSE_IGNORE_ORPHANS")));
        Project applied = RunProjects.apply(project, request);
        if (build) {
            applied = io.github.compose4j.build.ProjectBuilder.forcingBuilds(applied);
        }
        if (root.global.dryRun) {
            // Nothing is created in dry-run mode; Compose refuses the attached run there, and so do we.
            if (!detach) {
                throw new ComposeException(Failure.GENERAL, "interactive run is not supported in dry-run mode");
            }
            return 0;
        }
        ExecutionOptions execution = new ExecutionOptions(OptionalInt.empty(), List.of(), false,
                root.global.compatibility ? "_" : "-",
                Optional.ofNullable(root.ctx.env().get("HOME")).filter(h -> !h.isEmpty()).map(Path::of));
        try (Engine engine = root.engine()) {
            try (ProgressDisplay progress = root.progressPullingFirst("Running", quietPull);
                 ProjectLock lock = Main.lock(root.ctx, applied.name())) {
                new Compose(engine, progress, Parallelism.of(root)).withUpBuilds(io.github.compose4j.build.UpBuilds.of(
                        engine, new io.github.compose4j.cli.render.BuildText(root.ctx.out()),
                        io.github.compose4j.build.RegistryConfig.NONE, io.github.compose4j.build.BuildOptions.defaults(),
                        Parallelism.of(root)))
                        .runDependencies(applied, request, execution);
            }
            ConsoleStreams.checkTty(interactive, withTty);
            try (ConsoleStreams streams = ConsoleStreams.open(root.ctx, interactive && !detach, withTty)) {
                return new Compose(engine, ProgressListener.NONE, Parallelism.of(root))
                        .runOneOff(applied, request, execution, streams.console(interactive && !detach, withTty,
                                ProcessSignals.forwarding(withTty, root.ctx.env())));
            }
        }
    }

    private Map<String, String> labels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : labels) {
            int eq = l.indexOf('=');
            if (eq < 0) {
                throw new ComposeException(Failure.GENERAL, "label must be set as KEY=VALUE");
            }
            out.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return out;
    }
}
