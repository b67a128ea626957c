package io.github.compose4j.cli;

import io.github.compose4j.cli.format.GoStruct;
import io.github.compose4j.cli.format.GoValues;
import io.github.compose4j.cli.format.Units;
import io.github.compose4j.cli.render.TabWriter;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.swarm.SwarmService;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.stack.DeployOptions;
import io.github.compose4j.stack.StackConverter;
import io.github.compose4j.stack.StackDeployer;
import io.github.compose4j.stack.StackFiles;
import io.github.compose4j.stack.StackLabels;
import io.github.compose4j.stack.StackViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code compose stack}: the project as a Docker Swarm stack, compatible with {@code docker stack}. */
@Command(name = "stack", description = "Manage Swarm stacks",
        subcommands = {StackCommand.Deploy.class, StackCommand.Ls.class, StackCommand.Ps.class,
            StackCommand.Services.class, StackCommand.Rm.class})
public final class StackCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.ctx.out());
        return 0;
    }

    /** The stack named on the command line, else the project's name. */
    String stackName(String given) {
        String name = given == null || given.isEmpty() ? ProjectScope.name(root) : given;
        if (name.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "invalid stack name: \"" + name + "\"");
        }
        return name;
    }

    StackDeployer deployer(Engine engine) {
        return new StackDeployer(engine, line -> root.ctx.out().println(line), line -> root.ctx.err().println(line));
    }

    @Command(name = "deploy", description = "Deploy a new stack or update an existing stack")
    public static final class Deploy implements Callable<Integer> {
        @ParentCommand
        StackCommand parent;

        @Parameters(arity = "0..1", paramLabel = "STACK")
        String stack;

        @Option(names = "--prune", description = "Prune services that are no longer referenced")
        boolean prune;

        @Option(names = "--resolve-image", description = "Query the registry to resolve image digest and supported "
            + "platforms (\"always\", \"changed\", \"never\")")
        String resolveImage = "always";

        @Option(names = "--with-registry-auth", description = "Send registry authentication details to Swarm agents")
        boolean withRegistryAuth;

        @Spec
        CommandSpec spec;

        @Option(names = {"-d", "--detach"}, arity = "0..1", fallbackValue = "true",
            description = "Exit immediately instead of waiting for the stack services to converge")
        boolean detach = true;

        @Override
        public Integer call() {
            DeployOptions.ResolveImage mode = DeployOptions.ResolveImage.parse(resolveImage);
            if (detach && !spec.commandLine().getParseResult().hasMatchedOption("--detach")) {
                parent.root.ctx.err().println("Since --detach=false was not specified, tasks will be created in the "
                    + "background.\nIn a future release, --detach=false will become the default.");
            }
            Project project = parent.root.loader().load(LoadOptions.DEFAULT, List.of());
            String name = stack == null || stack.isEmpty() ? project.name() : stack;
            var stackSpec = StackConverter.convert(project, name,
                StackFiles.read(project, project.secrets(), "secret"),
                StackFiles.read(project, project.configs(), "config"));
            DeployOptions options = new DeployOptions(prune, mode, withRegistryAuth, detach);
            try (Engine engine = parent.root.engine()) {
                parent.deployer(engine).deploy(stackSpec, options);
            }
            return 0;
        }
    }

    @Command(name = "ls", description = "List stacks")
    public static final class Ls implements Callable<Integer> {
        @ParentCommand
        StackCommand parent;

        @Option(names = "--format", description = "Format output using a custom template: 'table' or 'json'")
        String format = "table";

        @Override
        public Integer call() {
            List<StackViews.StackRow> rows;
            try (Engine engine = parent.root.engine()) {
                parent.deployer(engine).requireManager();
                rows = StackViews.stacks(engine.listServices(Map.of(), Set.of(StackLabels.NAMESPACE)));
            }
            if (isJson(format)) {
                StringBuilder out = new StringBuilder();
                for (StackViews.StackRow r : rows) {
                    out.append(json("Name", r.name(), "Services", Integer.toString(r.services()))).append('\n');
                }
                parent.root.ctx.out().print(out);
            } else {
                TabWriter w = new TabWriter(10, 3).row("NAME", "SERVICES");
                rows.forEach(r -> w.row(r.name(), Integer.toString(r.services())));
                parent.root.ctx.out().print(w.render());
            }
            return 0;
        }
    }

    @Command(name = "services", description = "List the services in the stack")
    public static final class Services implements Callable<Integer> {
        @ParentCommand
        StackCommand parent;

        @Parameters(arity = "0..1", paramLabel = "STACK")
        String stack;

        @Option(names = "--format", description = "Format output: 'table' or 'json'")
        String format = "table";

        @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
        boolean quiet;

        @Override
        public Integer call() {
            String name = parent.stackName(stack);
            List<StackViews.ServiceRow> rows;
            try (Engine engine = parent.root.engine()) {
                parent.deployer(engine).requireManager();
                rows = StackViews.services(engine.listServices(Map.of(StackLabels.NAMESPACE, name), Set.of()));
            }
            if (rows.isEmpty()) {
                parent.root.ctx.err().println("Nothing found in stack: " + name);
                return 0;
            }
            StringBuilder out = new StringBuilder();
            if (quiet) {
                rows.forEach(r -> out.append(r.id()).append('\n'));
            } else if (isJson(format)) {
                rows.forEach(r -> out.append(json("ID", Units.truncateId(r.id()), "Image", r.image(), "Mode",
                    r.mode(), "Name", r.name(), "Ports", r.ports(), "Replicas", r.replicas())).append('\n'));
            } else {
                TabWriter w = new TabWriter(10, 3).row("ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS");
                rows.forEach(r -> w.row(Units.truncateId(r.id()), r.name(), r.mode(), r.replicas(), r.image(),
                    r.ports()));
                out.append(w.render());
            }
            parent.root.ctx.out().print(out);
            return 0;
        }
    }

    @Command(name = "ps", description = "List the tasks in the stack")
    public static final class Ps implements Callable<Integer> {
        @ParentCommand
        StackCommand parent;

        @Parameters(arity = "0..1", paramLabel = "STACK")
        String stack;

        @Option(names = "--no-trunc", description = "Do not truncate output")
        boolean noTrunc;

        @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided")
        List<String> filters = new ArrayList<>();

        @Option(names = "--format", description = "Format output: 'table' or 'json'")
        String format = "table";

        @Option(names = {"-q", "--quiet"}, description = "Only display task IDs")
        boolean quiet;

        @Override
        public Integer call() {
            String name = parent.stackName(stack);
            Map<String, List<String>> wanted = new LinkedHashMap<>();
            for (String f : filters) {
                String[] kv = f.split("=", 2);
                if (kv.length != 2) {
                    throw new ComposeException(Failure.GENERAL, "bad format of filter (expected name=value)");
                }
                String key = kv[0].trim().toLowerCase(Locale.ROOT);
                if (!Set.of("id", "name", "node", "desired-state").contains(key)) {
                    throw new ComposeException(Failure.GENERAL, "invalid filter '" + key + "'");
                }
                wanted.computeIfAbsent(key, k -> new ArrayList<>()).add(kv[1].trim());
            }
            List<StackViews.TaskRow> rows;
            try (Engine engine = parent.root.engine()) {
                parent.deployer(engine).requireManager();
                List<SwarmService> services = engine.listServices(Map.of(StackLabels.NAMESPACE, name), Set.of());
                rows = services.isEmpty() ? List.of() : StackViews.tasks(services,
                    engine.listTasks(services.stream().map(SwarmService::id).toList()), engine.listNodes());
            }
            rows = rows.stream().filter(r -> matches(r, wanted)).toList();
            if (rows.isEmpty()) {
                throw new ComposeException(Failure.GENERAL, "nothing found in stack: " + name);
            }
            boolean trunc = !noTrunc;
            Instant now = Instant.now();
            StringBuilder out = new StringBuilder();
            if (quiet) {
                rows.forEach(r -> out.append(trunc ? Units.truncateId(r.id()) : r.id()).append('\n'));
            } else if (isJson(format)) {
                for (StackViews.TaskRow r : rows) {
                    out.append(json("CurrentState", current(r, now), "DesiredState", r.desiredState(), "Error",
                        error(r, trunc), "ID", trunc ? Units.truncateId(r.id()) : r.id(), "Image", image(r, trunc),
                        "Name", r.name(), "Node", r.node(), "Ports", r.ports())).append('\n');
                }
            } else {
                TabWriter w = new TabWriter(10, 3).row("ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE",
                    "ERROR", "PORTS");
                rows.forEach(r -> w.row(trunc ? Units.truncateId(r.id()) : r.id(),
                    (r.previous() ? " \\_ " : "") + r.name(), image(r, trunc), r.node(), r.desiredState(),
                    current(r, now), error(r, trunc), r.ports()));
                out.append(w.render());
            }
            parent.root.ctx.out().print(out);
            return 0;
        }

        private static boolean matches(StackViews.TaskRow r, Map<String, List<String>> wanted) {
            for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
                boolean any = e.getValue().stream().anyMatch(v -> switch (e.getKey()) {
                    case "id" -> r.id().startsWith(v);
                    case "name" -> r.name().startsWith(v);
                    case "node" -> r.node().equals(v);
                    default -> r.desiredState().equalsIgnoreCase(v);
                });
                if (!any) {
                    return false;
                }
            }
            return true;
        }

        private static String current(StackViews.TaskRow r, Instant now) {
            Duration age = Duration.between(r.since(), now);
            return r.state() + " " + Units.humanDuration(age.isNegative() ? Duration.ZERO : age)
                .toLowerCase(Locale.ROOT) + " ago";
        }

        private static String image(StackViews.TaskRow r, boolean trunc) {
            return trunc ? StackViews.displayImage(r.image()) : r.image();
        }

        private static String error(StackViews.TaskRow r, boolean trunc) {
            String e = r.error();
            if (trunc && e.length() > 30) {
                e = e.substring(0, 29) + "…";
            }
            return e.isEmpty() ? "" : "\"" + e + "\"";
        }
    }

    @Command(name = "rm", aliases = {"remove", "down"}, description = "Remove one or more stacks")
    public static final class Rm implements Callable<Integer> {
        @ParentCommand
        StackCommand parent;

        @Parameters(arity = "0..*", paramLabel = "STACK")
        List<String> stacks = new ArrayList<>();

        @Override
        public Integer call() {
            List<String> names = stacks.isEmpty() ? List.of(parent.stackName(null)) : stacks;
            try (Engine engine = parent.root.engine()) {
                StackDeployer deployer = parent.deployer(engine);
                names.forEach(deployer::remove);
            }
            return 0;
        }
    }

    private static boolean isJson(String format) {
        return format.trim().equalsIgnoreCase("json") || format.trim().equals("{{json .}}");
    }

    /** One JSON object per line, keys in the given (sorted) order, as the docker CLI's json format prints rows. */
    private static String json(String... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return GoValues.json(new GoStruct("stack.row", fields), false);
    }
}
