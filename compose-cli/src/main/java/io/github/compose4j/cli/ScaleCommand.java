package io.github.compose4j.cli;

import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.Compose;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.plan.PlanFormatter;
import io.github.compose4j.plan.RecreatePolicy;
import io.github.compose4j.plan.UpOptions;
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

/** {@code compose scale}: converge the named services to a number of replicas, as {@code up} does. */
@Command(name = "scale", customSynopsis = "docker compose scale [SERVICE=REPLICAS...]",
        description = "Scale services ")
public final class ScaleCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = "--no-deps", description = "Don't start linked services")
    boolean noDeps;

    @Parameters(paramLabel = "SERVICE=REPLICAS")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        if (args.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "requires at least 1 arg(s), only received 0");
        }
        Map<String, Integer> replicas = parse(args);
        List<String> services = new ArrayList<>(replicas.keySet());
        Project project = root.loader().load(LoadOptions.DEFAULT, services);
        if (noDeps) {
            project = Selection.withOnlyServices(project, services);
        }
        for (Map.Entry<String, Integer> e : replicas.entrySet()) {
            project = Selection.withScale(project, e.getKey(), e.getValue());
        }
        UpOptions options = new UpOptions(services, RecreatePolicy.DIVERGED, RecreatePolicy.DIVERGED, true, false, false,
                false, 0, root.global.compatibility ? "_" : "-");
        root.display();
        try (ProgressDisplay progress = root.progressPullingFirst("Running", false);
             Engine engine = root.engine()) {
            Compose compose = new Compose(engine, progress, Parallelism.of(root));
            if (root.global.dryRun) {
                root.ctx.out().print(PlanFormatter.format(compose.planUp(project, options)));
                return 0;
            }
            try (Interrupts ignored = Interrupts.onInterrupt(compose::cancel)) {
                compose.up(project, options, LifecycleTarget.execution(root, null));
            }
        }
        return 0;
    }

    /** {@code SERVICE=N} pairs; a service named twice takes its last count. */
    static Map<String, Integer> parse(List<String> args) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || eq == arg.length() - 1) {
                throw new ComposeException(Failure.GENERAL, "invalid scale specifier: " + arg);
            }
            int n;
            try {
                n = Integer.parseInt(arg.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new ComposeException(Failure.GENERAL,
                        "invalid scale specifier: can't parse replica value as int: " + arg);
            }
            out.put(arg.substring(0, eq), n);
        }
        return out;
    }
}
