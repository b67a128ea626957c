package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.oneoff.AttachRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code compose attach}: this process's streams joined to a service's running container. */
@Command(name = "attach", customSynopsis = "docker compose attach [OPTIONS] SERVICE",
        description = "Attach local standard input, output, and error streams to a service's running container")
public final class AttachCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--index", description = "index of the container if service has multiple replicas.")
    int index;

    @Option(names = "--detach-keys", description = "Override the key sequence for detaching from a container.")
    String detachKeys = "";

    @Option(names = "--no-stdin", description = "Do not attach STDIN")
    boolean noStdin;

    @Option(names = "--sig-proxy", arity = "0..1", description = "Proxy all received signals to the process")
    boolean sigProxy = true;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        if (services.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "requires at least 1 arg(s), only received 0");
        }
        AttachRequest request = new AttachRequest(services.get(0), index, noStdin, sigProxy, detachKeys);
        String projectName = ProjectScope.name(root).toLowerCase(Locale.ROOT);
        try (Engine engine = root.engine()) {
            Compose compose = new Compose(engine, ProgressListener.NONE, Parallelism.of(root));
            ContainerDetails target = compose.attachTarget(projectName, request);
            boolean tty = target.tty();
            ConsoleStreams.checkTty(!noStdin, tty);
            boolean stdin = !noStdin && target.openStdin();
            // Signals go to a container without a TTY, as docker attach's --sig-proxy sends them; otherwise (and
            // with --sig-proxy=false) they end the attach, as Compose's, and the container runs on.
            boolean forward = sigProxy && !tty;
            try (ConsoleStreams streams = ConsoleStreams.open(root.ctx, stdin, tty);
                 Interrupts ignored = forward ? null : Interrupts.onInterrupt(compose::cancel)) {
                return compose.attach(target, request, streams.console(stdin, tty, forward
                        ? ProcessSignals.forwarding(false, root.ctx.env())
                        : ProcessSignals.resizingOnly(tty, root.ctx.env())));
            }
        }
    }
}
