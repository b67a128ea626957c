package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.PullOptions;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.RecordShape;
import io.github.compose4j.select.Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code compose pull}: pull the services' images. */
@Command(name = "pull", description = "Pull service images")
public final class PullCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-q", "--quiet"}, description = "Pull without printing progress information")
    boolean quiet;

    @Option(names = "--include-deps", description = "Also pull services declared as dependencies")
    boolean includeDeps;

    @Option(names = "--ignore-pull-failures", description = "Pull what it can and ignores images with pull failures")
    boolean ignorePullFailures;

    @Option(names = "--ignore-buildable", description = "Ignore images that can be built")
    boolean ignoreBuildable;

    @Option(names = "--policy", description = "Apply pull policy (\"missing\"|\"always\")")
    String policy = "";

    @Option(names = "--parallel", hidden = true, arity = "0..1", fallbackValue = "true",
            description = "DEPRECATED pull multiple images in parallel")
    boolean parallel = true;

    @Option(names = "--no-parallel", hidden = true, arity = "0..1", fallbackValue = "true",
            description = "DEPRECATED disable parallel pulling")
    Boolean noParallel;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        if (noParallel != null) {
            root.ctx.err().print("option '--no-parallel' is DEPRECATED and will be ignored.\n");
        }
        Project project = project();
        if (root.global.dryRun) {
            return 0; // nothing is pulled in dry-run mode
        }
        // Quiet, Compose opens no display at all (and so never checks the terminal).
        try (ProgressDisplay progress = quiet ? null : root.progress("Pulling");
             Engine engine = root.engine()) {
            ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
            new Compose(engine, listener, Parallelism.of(root))
                .pull(project, new PullOptions(ignorePullFailures, ignoreBuildable, quiet));
        }
        return 0;
    }

    private Project project() {
        Project project = root.loader().load(LoadOptions.DEFAULT, services);
        if (!includeDeps && !services.isEmpty()) {
            project = Selection.withOnlyServices(project, services);
        }
        if (!policy.isEmpty()) {
            // Compose sets the policy of the services that name an image only.
            Map<String, Service> withPolicy = new LinkedHashMap<>();
            project.services().forEach((n, s) -> withPolicy.put(n,
                s.image().isEmpty() ? s : RecordShape.with(s, "pullPolicy", policy)));
            project = RecordShape.with(project, "services", withPolicy);
        }
        return project;
    }
}
