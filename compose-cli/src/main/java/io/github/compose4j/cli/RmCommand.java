package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.plan.LifecyclePlanner;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.PlanFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code compose rm}: remove the services' stopped containers, after confirmation unless {@code -f}. */
@Command(name = "rm", description = "Removes stopped service containers")
public final class RmCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-f", "--force"}, description = "Don't ask to confirm removal")
    boolean force;

    @Option(names = {"-s", "--stop"}, description = "Stop the containers, if required, before removing")
    boolean stop;

    @Option(names = {"-v", "--volumes"}, description = "Remove any anonymous volumes attached to containers")
    boolean volumes;

    @Option(names = {"-a", "--all"}, hidden = true, description = "Deprecated - no effect")
    boolean all;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        LifecycleTarget target = LifecycleTarget.of(root, services);
        ExecutionOptions execution = LifecycleTarget.execution(root, null);
        try (Engine engine = root.engine()) {
            Compose compose = LifecycleTarget.compose(root, engine);
            Project project = target.project(compose);
            if (stop && !root.global.dryRun) {
                try (Interrupts ignored = Interrupts.onInterrupt(compose::cancel)) {
                    compose.stop(project, services, execution);
                }
            }
            Plan plan = compose.planRemove(project, services, force, volumes);
            if (root.global.dryRun) {
                root.ctx.out().print(PlanFormatter.format(plan));
                return 0;
            }
            List<String> names = LifecyclePlanner.containerNames(plan);
            if (names.isEmpty()) {
                root.ctx.err().println("No stopped containers");
                return 0;
            }
            String message = "Going to remove " + String.join(", ", names);
            if (force) {
                root.ctx.out().println(message);
                root.ctx.out().flush();
            } else if (!confirm(message)) {
                return 0;
            }
            try (Interrupts ignored = Interrupts.onInterrupt(compose::cancel)) {
                compose.run(project, plan, execution);
            }
        }
        return 0;
    }

    /** Asks on the terminal; without one, as Compose: the question on stdout, the answer read from stdin. */
    private boolean confirm(String message) {
        Console console = System.console();
        if (console != null) {
            String answer = console.readLine("? %s (y/N) ", message);
            return yes(answer == null ? "" : answer);
        }
        root.ctx.out().print(message);
        root.ctx.out().flush();
        String input = root.ctx.stdin().get();
        String line = input.lines().findFirst().orElse("").strip();
        String[] words = line.split("\\s+", 2);
        return yes(words[0]);
    }

    /** Compose's reading of an answer: {@code y}, or anything Go's ParseBool reads as true. */
    static boolean yes(String answer) {
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || List.of("1", "t", "true").contains(a);
    }
}
