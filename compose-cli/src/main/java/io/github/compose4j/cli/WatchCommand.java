package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.build.BuildOptions;
import io.github.compose4j.build.BuildOutput;
import io.github.compose4j.build.ProjectBuilder;
import io.github.compose4j.build.RegistryConfig;
import io.github.compose4j.build.UpBuilds;
import io.github.compose4j.cli.render.BuildText;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.plan.RecreatePolicy;
import io.github.compose4j.plan.UpOptions;
import io.github.compose4j.watch.WatchConfig;
import io.github.compose4j.watch.WatchedService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code compose watch}: the services built and started, then their {@code develop.watch} rules applied. */
@Command(name = "watch", customSynopsis = "docker compose watch [SERVICE...]",
        description = "Watch build context for service and rebuild/refresh containers when files are updated")
public final class WatchCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--no-up", description = "Do not build & start services before watching")
    boolean noUp;

    @Option(names = "--quiet", description = "hide build output")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        Project project = root.loader().load(LoadOptions.DEFAULT, services);
        List<WatchedService> watched = WatchConfig.of(project, services, root.warnings()::warn);
        ExecutionOptions execution = new ExecutionOptions(OptionalInt.empty(), List.of(), false,
                root.global.compatibility ? "_" : "-",
                Optional.ofNullable(root.ctx.env().get("HOME")).filter(h -> !h.isEmpty()).map(Path::of));
        BuildOutput builds = quiet ? BuildOutput.NONE : new BuildText(root.ctx.out());
        try (Engine engine = root.engine()) {
            if (root.global.dryRun) {
                // As up --dry-run: the plan of the first up; nothing is watched, nothing changes.
                if (!noUp) {
                    root.ctx.out().print(io.github.compose4j.plan.PlanFormatter.format(
                            new Compose(engine, ProgressListener.NONE, Parallelism.of(root)).planUp(
                                    ProjectBuilder.forcingBuilds(project, s -> s.develop().isPresent()),
                                    new UpOptions(services, RecreatePolicy.DIVERGED, RecreatePolicy.NEVER, true, false,
                                            false, false, 0, root.global.compatibility ? "_" : "-"))));
                }
                return 0;
            }
            if (!noUp) {
                try (ProgressDisplay progress = root.progressPullingFirst("Running", quiet);
                     ProjectLock lock = Main.lock(root.ctx, project.name())) {
                    new Compose(engine, progress, Parallelism.of(root))
                            .withUpBuilds(UpBuilds.of(engine, builds, RegistryConfig.NONE, BuildOptions.defaults(),
                                    Parallelism.of(root)))
                            // As Compose's watch: a service with a build section and develop rules is built first.
                            .up(ProjectBuilder.forcingBuilds(project, s -> s.develop().isPresent()), new UpOptions(services, RecreatePolicy.DIVERGED,
                                    RecreatePolicy.NEVER, true, false, false, false, 0,
                                    root.global.compatibility ? "_" : "-"), execution);
                }
            }
            Compose compose = new Compose(engine, ProgressListener.NONE, Parallelism.of(root));
            try (Interrupts ignored = Interrupts.onInterrupt(compose::cancel)) {
                compose.watch(project, watched, builds, execution, line -> {
                    root.ctx.out().println(line);
                    root.ctx.out().flush();
                });
            }
        }
        return 0;
    }
}
