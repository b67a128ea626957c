package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.model.Project;
import io.github.compose4j.select.Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose start}: start existing containers, each service after its dependencies. */
@Command(name = "start", description = "Start services")
public final class StartCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        LifecycleTarget target = LifecycleTarget.of(root, services);
        return LifecycleTarget.runPlan(root, "Running", compose -> project(target, compose), Compose::planStart,
                LifecycleTarget.execution(root, null), plan -> { });
    }

    /** By name, Compose needs containers to rebuild the project from, and the named services among them. */
    private Project project(LifecycleTarget target, Compose compose) {
        if (target.loaded().isPresent()) {
            return target.loaded().get();
        }
        Project p = compose.projectFromLabels(target.name());
        if (p.services().isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "no container found for project \"" + target.name()
                    + "\": not found");
        }
        for (String s : services) {
            if (!p.services().containsKey(s)) {
                throw new ComposeException(Failure.GENERAL, "no such service: \"" + s + "\": not found");
            }
        }
        return Selection.withSelectedServices(p, services);
    }
}
