package io.github.compose4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose unpause}: resume the services' paused containers. */
@Command(name = "unpause", description = "Unpause services")
public final class UnpauseCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        LifecycleTarget target = LifecycleTarget.of(root, services);
        return LifecycleTarget.runPlan(root, "Running", target::project, (compose, p) -> compose.planUnpause(p, services),
                LifecycleTarget.execution(root, null), plan -> { });
    }
}
