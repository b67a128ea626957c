package io.github.compose4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose stop}: stop the named services' containers (all when none is named), dependents first. */
@Command(name = "stop", description = "Stop services")
public final class StopCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-t", "--timeout"}, description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        LifecycleTarget target = LifecycleTarget.of(root, services);
        return LifecycleTarget.runPlan(root, "Stopping", target::project, (compose, p) -> compose.planStop(p, services),
                LifecycleTarget.execution(root, timeout), plan -> { });
    }
}
