package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.cli.format.GoStruct;
import io.github.compose4j.cli.format.GoValues;
import io.github.compose4j.cli.render.TabWriter;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.inspect.ProjectStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code compose ls}: the projects on the engine. */
@Command(name = "ls", description = "List running compose projects")
public final class LsCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--format", description = "Format the output. Values: [table | json]")
    String format = "table";

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Option(names = "--filter", description = "Filter output based on conditions provided")
    List<String> filters = new ArrayList<>();

    @Option(names = {"-a", "--all"}, description = "Show all stopped Compose projects")
    boolean all;

    @Override
    public Integer call() {
        List<Pattern> names = new ArrayList<>();
        for (String f : filters) {
            String[] kv = f.split("=", 2);
            if (kv.length != 2) {
                throw new ComposeException(Failure.GENERAL, "bad format of filter (expected name=value)");
            }
            if (!kv[0].trim().toLowerCase(Locale.ROOT).equals("name")) {
                throw new ComposeException(Failure.GENERAL, "invalid filter '" + kv[0].trim().toLowerCase(Locale.ROOT)
                    + "'");
            }
            names.add(Pattern.compile(kv[1].trim()));
        }
        List<ProjectStack> stacks;
        try (Engine engine = root.engine()) {
            stacks = new ArrayList<>(new Compose(engine, ProgressListener.NONE, 0).inspection().projects(all));
        }
        if (!names.isEmpty()) {
            // Like the engine's filters: any of the name patterns, found anywhere in the name.
            stacks.removeIf(s -> names.stream().noneMatch(p -> p.matcher(s.name()).find()));
        }
        StringBuilder out = new StringBuilder();
        if (quiet) {
            stacks.forEach(s -> out.append(s.name()).append('\n'));
        } else {
            out.append(render(stacks, format));
        }
        root.ctx.out().print(out);
        return 0;
    }

    static String render(List<ProjectStack> stacks, String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "table", "pretty", "" -> {
                TabWriter w = TabWriter.compose().row("NAME", "STATUS", "CONFIG FILES");
                stacks.forEach(s -> w.row(s.name(), s.status(), s.configFiles()));
                return w.render();
            }
            case "json" -> {
                List<Object> view = new ArrayList<>();
                for (ProjectStack s : stacks) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("Name", s.name());
                    fields.put("Status", s.status());
                    fields.put("ConfigFiles", s.configFiles());
                    view.add(new GoStruct("compose.stackView", fields));
                }
                return GoValues.json(view, false) + "\n";
            }
            default -> throw new ComposeException(Failure.GENERAL, "format value \"" + format
                + "\" could not be parsed: parsing failed");
        }
    }
}
