package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.render.LogLines;
import io.github.compose4j.cli.render.LogOutput;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.logs.LogTimes;
import io.github.compose4j.logs.LogsOptions;
import io.github.compose4j.model.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code compose logs}: the output of the project's containers. */
@Command(name = "logs", description = "View output from containers")
public final class LogsCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-f", "--follow"}, description = "Follow log output")
    boolean follow;

    @Option(names = "--index", description = "index of the container if service has multiple replicas")
    int index;

    @Option(names = "--since", description = "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
    String since = "";

    @Option(names = "--until", description = "Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
    String until = "";

    @Option(names = "--no-color", description = "Produce monochrome output")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
    boolean noLogPrefix;

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
    boolean timestamps;

    @Option(names = {"-n", "--tail"}, description = "Number of lines to show from the end of the logs for each container")
    String tail = "all";

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        if (index > 0 && services.size() != 1) {
            throw new ComposeException(Failure.GENERAL, "--index requires one service to be selected");
        }
        root.display();
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        String engineSince = LogTimes.engineTime(since, now, zone);
        String engineUntil = LogTimes.engineTime(until, now, zone);
        List<String> selected = new ArrayList<>(services);
        String name;
        Project project = project();
        if (project != null) {
            name = project.name();
            if (selected.isEmpty()) {
                project.services().forEach((n, s) -> {
                    if (s.attach().orElse(true)) {
                        selected.add(n);
                    }
                });
            }
        } else {
            name = projectName();
        }
        LogLines format = new LogLines(!noColor && Ansi.colors(root), !noLogPrefix);
        LogOutput output = new LogOutput(format, false, Clock.systemDefaultZone(), root.ctx.out(), root.ctx.err(),
                root.ctx.err());
        try (Engine engine = root.engine()) {
            Compose compose = new Compose(engine, ProgressListener.NONE, Parallelism.of(root));
            compose.logs(name, new LogsOptions(selected, follow, index, tail, engineSince, engineUntil, timestamps),
                    output);
        } finally {
            output.flush();
        }
        return 0;
    }

    /** The project when a compose file names it, as Compose's {@code projectOrName}; null with only {@code -p}. */
    private Project project() {
        if (!root.global.files.isEmpty() || root.global.projectName == null) {
            try {
                return root.loader().load(LoadOptions.DEFAULT, services);
            } catch (ComposeException e) {
                String fromEnv = root.ctx.env().get("COMPOSE_PROJECT_NAME");
                if (fromEnv != null && !fromEnv.isEmpty()) {
                    return null;
                }
                throw e;
            }
        }
        return null;
    }

    private String projectName() {
        String name = root.global.projectName != null ? root.global.projectName : root.ctx.env().get("COMPOSE_PROJECT_NAME");
        return name.toLowerCase(Locale.ROOT);
    }
}
