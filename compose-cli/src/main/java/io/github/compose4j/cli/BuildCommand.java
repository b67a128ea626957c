package io.github.compose4j.cli;

import io.github.compose4j.Compose;
import io.github.compose4j.build.BuildOptions;
import io.github.compose4j.build.BuildOutput;
import io.github.compose4j.build.RegistryConfig;
import io.github.compose4j.cli.render.BuildText;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.model.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code compose build}: the services' images, built with the engine's classic builder. */
@Command(name = "build", description = "Build or rebuild services")
public final class BuildCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-q", "--quiet"}, description = "Don't print anything to STDOUT")
    boolean quiet;

    @Option(names = "--pull", description = "Always attempt to pull a newer version of the image")
    boolean pull;

    @Option(names = "--no-cache", description = "Do not use cache when building the image")
    boolean noCache;

    @Option(names = "--build-arg", description = "Set build-time variables for services")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--with-dependencies", description = "Also build dependencies (transitively)")
    boolean withDependencies;

    @Option(names = "--ssh", arity = "0..1", fallbackValue = "default",
            description = "Set SSH authentications used when building service images. (use 'default' for using your default SSH Agent)")
    String ssh;

    @Option(names = "--builder", description = "Set builder to use")
    String builder;

    @Option(names = {"-m", "--memory"}, paramLabel = "bytes",
            description = "Set memory limit for the build container. Not supported by BuildKit.")
    String memory;

    @Option(names = "--push", description = "Push service images")
    boolean push;

    @Option(names = {"--parallel", "--compress", "--force-rm"}, hidden = true, arity = "0..1", fallbackValue = "true",
            description = "DEPRECATED")
    List<String> deprecated = new ArrayList<>();

    @Option(names = "--no-rm", hidden = true, description = "DEPRECATED")
    boolean noRm;

    @Option(names = "--progress", hidden = true, description = "Set type of ui output")
    String progress;

    @Parameters(paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        if (ssh != null) {
            throw new ComposeException(Failure.BUILD, "the classic builder doesn't support SSH keys; compose4j builds "
                    + "with the engine's classic builder");
        }
        long memoryBytes = memoryBytes();
        Project project = root.loader().load(LoadOptions.DEFAULT, services);
        BuildOptions options = new BuildOptions(services, withDependencies, buildArgs(buildArgs), noCache, pull,
                memoryBytes);
        if (root.global.dryRun) {
            for (String name : io.github.compose4j.build.ProjectBuilder.selected(project, options)) {
                root.ctx.out().println("build image " + io.github.compose4j.observe.ObservedState.imageOf(project,
                        project.services().get(name)) + " for service " + name);
            }
            return 0;
        }
        BuildOutput output = quiet ? BuildOutput.NONE : new BuildText(root.ctx.out());
        try (Engine engine = root.engine()) {
            new Compose(engine, ProgressListener.NONE, Parallelism.of(root)).build(project, options, output,
                    RegistryConfig.NONE);
            if (push) {
                // As Compose's: once built, the images pushed as `compose push` pushes them.
                try (ProgressDisplay progress = quiet ? null : root.progress("Pushing")) {
                    new Compose(engine, progress == null ? ProgressListener.NONE : progress, Parallelism.of(root))
                            .push(project, new io.github.compose4j.execute.PushOptions(false, quiet));
                }
            }
        }
        return 0;
    }

    /** {@code --memory} in bytes (0 when not given), read as the docker CLI reads it. */
    private long memoryBytes() {
        if (memory == null || memory.isEmpty()) {
            return 0;
        }
        try {
            return io.github.compose4j.load.canonical.UnitParsers.ramInBytes(memory);
        } catch (IllegalArgumentException e) {
            throw new ComposeException(Failure.COMMAND_SYNTAX, "invalid argument \"" + memory
                    + "\" for \"-m, --memory\" flag: " + e.getMessage());
        }
    }

    /** {@code K=V} arguments, and {@code K} alone for a value taken from the environment. */
    static Map<String, Optional<String>> buildArgs(List<String> args) {
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                out.put(a, Optional.empty());
            } else {
                out.put(a.substring(0, eq), Optional.of(a.substring(eq + 1)));
            }
        }
        return out;
    }
}
