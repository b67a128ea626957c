package io.github.compose4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose kill}: send a signal to the services' running containers. */
@Command(name = "kill", description = "Force stop service containers")
public final class KillCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    Boolean removeOrphans;

    @Option(names = {"-s", "--signal"}, description = "SIGNAL to send to the container")
    String signal = "SIGKILL";

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        boolean orphans = removeOrphans != null ? removeOrphans
                : UpCommand.truthy(root.ctx.env().get("COMPOSE_REMOVE_ORPHANS"));
        LifecycleTarget target = LifecycleTarget.of(root, services);
        return LifecycleTarget.runPlan(root, "Killing", target::project,
                (compose, p) -> compose.planKill(p, services, signal, orphans), LifecycleTarget.execution(root, null),
                plan -> {
                    if (plan.isEmpty()) {
                        // Compose prints it without a line end.
                        root.ctx.err().print("no container to kill");
                        root.ctx.err().flush();
                    }
                });
    }
}
