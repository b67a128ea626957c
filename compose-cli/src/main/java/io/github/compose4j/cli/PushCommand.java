package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.PushOptions;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.select.Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose push}: push the images of the services that are built. */
@Command(name = "push", description = "Push service images")
public final class PushCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--ignore-push-failures", description = "Push what it can and ignores images with push failures")
    boolean ignorePushFailures;

    @Option(names = "--include-deps", description = "Also push images of services declared as dependencies")
    boolean includeDeps;

    @Option(names = {"-q", "--quiet"}, description = "Push without printing progress information")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        Project project = root.loader().load(LoadOptions.DEFAULT, services);
        if (!includeDeps && !services.isEmpty()) {
            project = Selection.withOnlyServices(project, services);
        }
        if (root.global.dryRun) {
            return 0; // nothing is pushed in dry-run mode
        }
        // Quiet, Compose opens no display at all (and so never checks the terminal).
        try (ProgressDisplay progress = quiet ? null : root.progress("Pushing");
             Engine engine = root.engine()) {
            ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
            new Compose(engine, listener, Parallelism.of(root)).push(project, new PushOptions(ignorePushFailures, quiet));
        }
        return 0;
    }
}
