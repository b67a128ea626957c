package io.github.compose4j.build;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.ObservedState;

import java.util.Set;

/**
 * The builds {@code up} (and {@code create}, {@code run}) make once the pulls are done: the services whose image
 * is missing or whose pull policy is {@code build}; none with {@code --no-build}.
 */
public final class UpBuilds {
    private final ProjectBuilder builder;
    private final BuildOptions options;

    private UpBuilds(ProjectBuilder builder, BuildOptions options) {
        this.builder = builder;
        this.options = options;
    }

    public static UpBuilds of(Engine engine, BuildOutput output, RegistryConfig registry, BuildOptions options) {
        return of(engine, output, registry, options, 0);
    }

    /** As {@link #of(Engine, BuildOutput, RegistryConfig, BuildOptions)}, at most {@code parallelism} builds at once. */
    public static UpBuilds of(Engine engine, BuildOutput output, RegistryConfig registry, BuildOptions options,
                              int parallelism) {
        return new UpBuilds(new ProjectBuilder(engine, output, registry, parallelism), options);
    }

    /** No build at all ({@code --no-build}). */
    public static UpBuilds none() {
        return new UpBuilds(null, BuildOptions.defaults());
    }

    /** Builds what {@code observed} shows missing; whether anything was built (the engine changed). */
    public boolean run(Project project, ObservedState observed) {
        return run(project, () -> observed);
    }

    /**
     * Builds what the engine, read only if some service has a {@code build} section, shows missing; whether
     * anything was built.
     */
    public boolean run(Project project, java.util.function.Supplier<ObservedState> observed) {
        if (builder == null || project.services().values().stream().noneMatch(s -> s.build().isPresent())) {
            return false;
        }
        Set<String> needed = ProjectBuilder.needed(project, observed.get());
        if (needed.isEmpty()) {
            return false;
        }
        builder.build(project, needed, options);
        return true;
    }
}
