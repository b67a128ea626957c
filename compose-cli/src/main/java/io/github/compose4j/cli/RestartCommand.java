package io.github.compose4j.cli;

import io.github.compose4j.model.Project;
import io.github.compose4j.select.Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose restart}: restart the services' containers, with the services that depend on them. */
@Command(name = "restart", description = "Restart service containers")
public final class RestartCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-t", "--timeout"}, description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Option(names = "--no-deps", description = "Don't restart dependent services")
    boolean noDeps;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        // As Compose: the whole project is loaded, then the named services enabled (their profiles too).
        LifecycleTarget target = LifecycleTarget.of(root, List.of());
        return LifecycleTarget.runPlan(root, "Restarting", compose -> {
            Project p = target.project(compose);
            return target.loaded().isPresent() ? Selection.withServicesEnabled(p, services) : p;
        }, (compose, p) -> compose.planRestart(p, services, noDeps), LifecycleTarget.execution(root, timeout),
                plan -> { });
    }
}
