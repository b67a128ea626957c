package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.plan.DownOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code compose wait}: block until the services' running containers have exited; the exit code is that of the
 * last one to exit.
 */
@Command(name = "wait", customSynopsis = "docker compose wait SERVICE [SERVICE...] [OPTIONS]",
        description = "Block until the first service container stops")
public final class WaitCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--down-project", description = "Drops project when the first container stops")
    boolean downProject;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        if (services.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, """
                    "docker compose wait" requires at least 1 argument.
                    See 'docker compose wait --help'.

                    Usage:  docker compose wait SERVICE [SERVICE...] [OPTIONS]

                    Block until the first service container stops""");
        }
        LifecycleTarget target = LifecycleTarget.of(root, List.of());
        try (Engine engine = root.engine()) {
            Compose compose = LifecycleTarget.compose(root, engine);
            int code = compose.waitForExit(target.name(), services, (id, exit) -> {
                root.ctx.out().println("container \"" + id + "\" exited with status code " + exit);
                root.ctx.out().flush();
            });
            if (downProject) {
                try (Interrupts ignored = Interrupts.onInterrupt(compose::cancel)) {
                    compose.down(compose.projectFromLabels(target.name()), new DownOptions(List.of(), true, false, ""),
                            LifecycleTarget.execution(root, null));
                }
            }
            return code;
        }
    }
}
