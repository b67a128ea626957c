package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.oneoff.ExecRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose exec}: a command in a running container of a service. */
@Command(name = "exec", customSynopsis = "docker compose exec [OPTIONS] SERVICE COMMAND [ARGS...]",
        description = "Execute a command in a running container")
public final class ExecCommand implements Callable<Integer>, StopsAtPositional {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: Run command in the background")
    boolean detach;

    @Option(names = {"-e", "--env"}, description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = "--index", description = "Index of the container if service has multiple replicas")
    int index;

    @Option(names = "--privileged", description = "Give extended privileges to the process")
    boolean privileged;

    @Option(names = {"-u", "--user"}, description = "Run the command as this user")
    String user = "";

    @Option(names = {"-T", "--no-TTY"}, arity = "0..1",
            description = "Disable pseudo-TTY allocation. By default `docker compose exec` allocates a TTY.")
    Boolean noTty;

    @Option(names = {"-w", "--workdir"}, description = "Path to workdir directory for this command")
    String workdir = "";

    @Option(names = {"-i", "--interactive"}, arity = "0..1", hidden = true, description = "Keep STDIN open even if not attached")
    boolean interactive = true;

    @Option(names = {"-t", "--tty"}, arity = "0..1", hidden = true, description = "Allocate a pseudo-TTY")
    boolean ignoredTty = true;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        boolean tty = !(noTty != null ? noTty : !ConsoleStreams.stdoutIsTerminal());
        String projectName = ProjectScope.name(root);
        List<String> environment = new ArrayList<>();
        for (String e : env) {
            if (e.contains("=")) {
                environment.add(e);
            } else {
                String value = root.ctx.env().get(e);
                environment.add(value == null ? e : e + "=" + value);
            }
        }
        ExecRequest request = new ExecRequest(service, command, environment, user, workdir, privileged, tty,
                interactive, detach, index);
        if (!detach) {
            ConsoleStreams.checkTty(interactive, tty);
        }
        if (root.global.dryRun) {
            return 0; // no process is started in dry-run mode
        }
        try (Engine engine = root.engine();
             ConsoleStreams streams = ConsoleStreams.open(root.ctx, interactive && !detach, tty)) {
            return new Compose(engine, ProgressListener.NONE, Parallelism.of(root))
                    .exec(projectName.toLowerCase(java.util.Locale.ROOT), request,
                            streams.console(interactive && !detach, tty,
                                    ProcessSignals.resizingOnly(tty, root.ctx.env())));
        }
    }
}
