package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.format.FormattedList;
import io.github.compose4j.cli.format.MethodContext;
import io.github.compose4j.cli.format.StatsView;
import io.github.compose4j.engine.ContainerStats;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.inspect.Inspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compose stats}: resource usage of the project's containers, once or refreshed until interrupted. */
@Command(name = "stats", customSynopsis = "docker compose stats [OPTIONS] [SERVICE]",
        description = "Display a live stream of container(s) resource usage statistics")
public final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
    boolean all;

    @Option(names = "--format", description = "Format output using a custom template: table, json or a Go template")
    String format = "";

    @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first result")
    boolean noStream;

    @Option(names = "--no-trunc", description = "Do not truncate output")
    boolean noTrunc;

    @Parameters(paramLabel = "SERVICE")
    List<String> service = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (service.size() > 1) {
            throw new ComposeException(Failure.GENERAL, "accepts at most 1 arg(s), received " + service.size());
        }
        String name = ProjectScope.name(root);
        String resolved = format.isEmpty() || format.equals("table") ? StatsView.TABLE : format;
        try (Engine engine = root.engine()) {
            Inspection inspection = new Compose(engine, ProgressListener.NONE, 0).inspection();
            while (true) {
                List<ContainerStats> stats = new ArrayList<>(inspection.stats(name, service.stream().findFirst(),
                    all));
                stats.sort(Comparator.comparing(ContainerStats::name));
                List<MethodContext> rows = stats.stream().map(s -> StatsView.context(s, !noTrunc)).toList();
                String text = FormattedList.render(resolved, rows, StatsView.HEADER);
                if (noStream) {
                    root.ctx.out().print(text);
                    return 0;
                }
                root.ctx.out().print("\033[2J\033[H" + text); // redraw in place, as docker stats does
                root.ctx.out().flush();
            }
        }
    }
}
