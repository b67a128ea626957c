package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.render.PlainProgress;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.PlanFormatter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The project a command on existing containers acts on, found as Docker Compose finds it: from the compose
 * files when {@code -f} is given or no {@code -p}; otherwise (or when the files cannot be loaded and
 * {@code COMPOSE_PROJECT_NAME} is set) by name alone, the project then being rebuilt from the engine's labels.
 *
 * @param name   the project name
 * @param loaded the project read from its files, when it was
 */
record LifecycleTarget(String name, Optional<Project> loaded) {

    /** Resolves the target; {@code services} restrict the loaded project to them and their dependencies. */
    static LifecycleTarget of(ComposeCommand root, List<String> services) {
        String name = root.global.projectName;
        if (!root.global.files.isEmpty() || name == null) {
            try {
                Project p = root.loader().load(LoadOptions.DEFAULT, services);
                return new LifecycleTarget(p.name(), Optional.of(p));
            } catch (ComposeException e) {
                String fromEnv = root.ctx.env().get("COMPOSE_PROJECT_NAME");
                if (fromEnv != null && !fromEnv.isEmpty()) {
                    return new LifecycleTarget(fromEnv.toLowerCase(Locale.ROOT), Optional.empty());
                }
                throw e;
            }
        }
        root.display();
        return new LifecycleTarget(name.toLowerCase(Locale.ROOT), Optional.empty());
    }

    /** The loaded project, or the one the engine's labels describe. */
    Project project(Compose compose) {
        return loaded.orElseGet(() -> compose.projectFromLabels(name));
    }

    /** How steps run: the {@code -t} timeout when given, else each container's own. */
    static ExecutionOptions execution(ComposeCommand root, Integer timeout) {
        return new ExecutionOptions(timeout == null ? OptionalInt.empty() : OptionalInt.of(timeout), List.of(), false,
                root.global.compatibility ? "_" : "-",
                Optional.ofNullable(root.ctx.env().get("HOME")).filter(h -> !h.isEmpty()).map(Path::of));
    }

    /**
     * Opens the progress display titled as Compose titles the operation, connects, then either prints the plan {@code planner} makes ({@code --dry-run}) or runs it; the plan
     * is handed to {@code after} (for messages about an empty plan).
     */
    static int runPlan(ComposeCommand root, String title, Function<Compose, Project> project, PlanMaker planner,
                       ExecutionOptions execution, java.util.function.Consumer<Plan> after) {
        root.display();
        // The display first: Compose checks the terminal before it talks to the engine.
        try (ProgressDisplay progress = root.progress(title);
             Engine engine = root.engine()) {
            Compose compose = new Compose(engine, progress, Parallelism.of(root));
            Project p = project.apply(compose);
            Plan plan = planner.plan(compose, p);
            if (root.global.dryRun) {
                root.ctx.out().print(PlanFormatter.format(plan));
                return 0;
            }
            after.accept(plan);
            try (Interrupts ignored = Interrupts.onInterrupt(compose::cancel)) {
                compose.run(p, plan, execution);
            }
        }
        return 0;
    }

    static Compose compose(ComposeCommand root, Engine engine) {
        PlainProgress progress = new PlainProgress(root.ctx.err(), root.warnings()::warn);
        return new Compose(engine, progress, Parallelism.of(root));
    }

    /** Makes a plan for a project. */
    @FunctionalInterface
    interface PlanMaker {
        Plan plan(Compose compose, Project project);
    }

    static ComposeException noSuchService(String service) {
        return new ComposeException(Failure.GENERAL, "no such service: " + service);
    }
}
