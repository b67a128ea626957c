package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.plan.DownOptions;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.PlanFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code compose down}: remove what {@code up} made. */
@Command(name = "down", customSynopsis = "docker compose down [OPTIONS] [SERVICES]",
        description = "Stop and remove containers, networks")
public final class DownCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    Boolean removeOrphans;

    @Option(names = "--remove-foreign-orphans", hidden = true,
            description = "With --remove-orphans, also remove orphans created from another folder (compose4j)")
    boolean removeForeignOrphans;

    @Option(names = {"-v", "--volumes"}, description = "Remove named volumes declared in the \"volumes\" section of the Compose file and anonymous volumes attached to containers")
    boolean volumes;

    @Option(names = {"-t", "--timeout"}, description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Option(names = "--rmi", description = "Remove images used by services. \"local\" remove only images that don't have a custom tag (\"local\"|\"all\")")
    String rmi = "";

    @Parameters(paramLabel = "SERVICES")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        if (!rmi.isEmpty() && !rmi.equals("local") && !rmi.equals("all")) {
            throw new ComposeException(Failure.GENERAL, "invalid value for --rmi: \"" + rmi + "\"");
        }
        root.display();
        boolean remove = removeForeignOrphans
                || (removeOrphans != null ? removeOrphans : UpCommand.truthy(root.ctx.env().get("COMPOSE_REMOVE_ORPHANS")));
        // The display first: Compose checks the terminal before it talks to the engine.
        try (ProgressDisplay progress = root.progress("Running");
             Engine engine = root.engine()) {
            Compose compose = new Compose(engine, progress, Parallelism.of(root));
            Target target = target();
            DownOptions options = new DownOptions(services, remove, volumes, rmi, removeForeignOrphans);
            if (root.global.dryRun) {
                Plan plan = target.project() != null ? compose.planDown(target.project(), options)
                        : compose.planDownFromLabels(target.name(), options);
                root.ctx.out().print(PlanFormatter.format(plan));
                return 0;
            }
            ExecutionOptions execution = new ExecutionOptions(timeout == null ? OptionalInt.empty() : OptionalInt.of(timeout),
                    List.of(), false, "-", Optional.empty());
            Plan plan;
            try (Interrupts ignored = Interrupts.onInterrupt(compose::cancel);
                 ProjectLock lock = Main.lock(root.ctx, target.name())) {
                plan = target.project() != null ? compose.down(target.project(), options, execution)
                        : compose.downFromLabels(target.name(), options, execution);
            }
            if (plan.isEmpty()) {
                root.ctx.err().println("Warning: No resource found to remove for project \"" + target.name() + "\".");
            }
        }
        return 0;
    }

    /**
     * The project from its files; with only {@code -p NAME} (no {@code -f}) from the engine's labels,
     * as Docker Compose does, so that {@code down} works without the compose file.
     */
    private Target target() {
        String name = root.global.projectName;
        if (name != null && root.global.files.isEmpty()) {
            return new Target(name, null);
        }
        try {
            Project project = root.loader().load(LoadOptions.DEFAULT, List.of());
            return new Target(project.name(), project);
        } catch (ComposeException e) {
            String fromEnv = root.ctx.env().get("COMPOSE_PROJECT_NAME");
            if (fromEnv != null && !fromEnv.isEmpty()) {
                return new Target(fromEnv, null);
            }
            throw e;
        }
    }

    /** The project to take down: loaded from its files, or (project null) known by name only, from the engine's labels. */
    private record Target(String name, Project project) {
    }
}
