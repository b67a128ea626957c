package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.format.ContainerContext;
import io.github.compose4j.cli.format.FormattedList;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.inspect.ContainerRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code compose ps}: the project's containers. */
@Command(name = "ps", description = "List containers")
public final class PsCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--format", description = "Format output using a custom template: table, json or a Go template")
    String format = "table";

    @Option(names = "--filter", description = "Filter services by a property (supported filters: status)")
    String filter = "";

    @Option(names = "--status", description = "Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]")
    List<String> status = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Option(names = "--services", description = "Display services")
    boolean servicesOnly;

    @Option(names = "--orphans", arity = "0..1", fallbackValue = "true",
            description = "Include orphaned services (not declared by project)")
    boolean orphans = true;

    @Option(names = {"-a", "--all"}, description = "Show all stopped containers (including those created by the run command)")
    boolean all;

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> statuses = new ArrayList<>(status);
        if (!filter.isEmpty()) {
            String[] kv = filter.split("=", 2);
            if (kv.length != 2) {
                throw new ComposeException(Failure.GENERAL, "arguments to --filter should be in form KEY=VAL");
            }
            switch (kv[0]) {
                case "status" -> statuses.add(kv[1]);
                case "source" -> throw new ComposeException(Failure.GENERAL, "not implemented");
                default -> throw new ComposeException(Failure.GENERAL, "unknown filter " + kv[0]);
            }
        }
        ProjectScope scope = ProjectScope.of(root);
        List<String> selected = new ArrayList<>(services);
        if (scope.project().isPresent()) {
            Set<String> names = scope.project().get().services().keySet();
            if (!services.isEmpty()) {
                for (String s : services) {
                    if (!names.contains(s)) {
                        throw new ComposeException(Failure.GENERAL, "no such service: " + s);
                    }
                }
            } else if (!orphans) {
                selected.addAll(names);
            }
        }
        List<ContainerRow> rows;
        try (Engine engine = root.engine()) {
            rows = new ArrayList<>(new Compose(engine, ProgressListener.NONE, 0).inspection()
                .ps(scope.name(), selected, all || !statuses.isEmpty()));
        }
        if (!statuses.isEmpty()) {
            rows.removeIf(r -> !statuses.contains(r.state()));
        }
        rows.sort(Comparator.comparing(ContainerRow::name));
        StringBuilder out = new StringBuilder();
        if (quiet) {
            rows.forEach(r -> out.append(r.id()).append('\n'));
        } else if (servicesOnly) {
            Set<String> seen = new LinkedHashSet<>();
            rows.forEach(r -> seen.add(r.service()));
            out.append(String.join("\n", seen)).append('\n');
        } else {
            Instant now = Instant.now();
            ZoneId zone = ZoneId.systemDefault();
            List<ContainerContext> contexts = rows.stream()
                .map(r -> new ContainerContext(r, !noTrunc, now, zone)).toList();
            out.append(FormattedList.render(ContainerContext.format(format, false), contexts,
                ContainerContext.HEADER));
        }
        root.ctx.out().print(out);
        return 0;
    }
}
