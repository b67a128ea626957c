package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.oneoff.CopyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code compose cp}: files and folders between a service container and the local filesystem. */
@Command(name = "cp", customSynopsis = {"docker compose cp [OPTIONS] SERVICE:SRC_PATH DEST_PATH|-", "docker compose cp [OPTIONS] SRC_PATH|- SERVICE:DEST_PATH"},
        description = "Copy files/folders between a service container and the local filesystem")
public final class CpCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--index", description = "Index of the container if service has multiple replicas")
    int index;

    @Option(names = "--all", hidden = true, description = "Copy to all the containers of the service")
    boolean all;

    @Option(names = {"-L", "--follow-link"}, description = "Always follow symbol link in SRC_PATH")
    boolean followLink;

    @Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid information)")
    boolean archive;

    @Parameters(index = "0", paramLabel = "SRC_PATH")
    String source;

    @Parameters(index = "1", paramLabel = "DEST_PATH")
    String destination;

    @Override
    public Integer call() {
        if (source.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "source can not be empty");
        }
        if (destination.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "destination can not be empty");
        }
        if (all) {
            root.ctx.err().println("Flag --all has been deprecated, By default all the containers of the service "
                    + "will get the source file/directory to be copied");
        }
        String projectName = ProjectScope.name(root).toLowerCase(Locale.ROOT);
        CopyRequest request = new CopyRequest(source, destination, index, all, followLink, archive);
        if (root.global.dryRun) {
            return 0; // nothing is copied in dry-run mode
        }
        try (ProgressDisplay progress = root.progress("Copying");
             Engine engine = root.engine()) {
            new Compose(engine, progress, Parallelism.of(root)).copy(projectName, request, root.ctx.cwd(), System.in,
                    root.ctx.out());
        }
        return 0;
    }
}
