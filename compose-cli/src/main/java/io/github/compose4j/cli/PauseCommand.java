package io.github.compose4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose pause}: freeze the services' running containers. */
@Command(name = "pause", description = "Pause services")
public final class PauseCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        LifecycleTarget target = LifecycleTarget.of(root, services);
        return LifecycleTarget.runPlan(root, "Pausing", target::project, (compose, p) -> compose.planPause(p, services),
                LifecycleTarget.execution(root, null), plan -> { });
    }
}
