package io.github.compose4j.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code build} (and {@code up}'s builds) run.
 *
 * @param services         the services to build; empty for all
 * @param withDependencies also build the services they depend on
 * @param args             {@code --build-arg}s, over the services' own; an empty value is taken from the
 *                         project's environment
 * @param noCache          build without the builder's cache, whatever the services say
 * @param pull             pull base images again, whatever the services say
 * @param memory           bytes of memory for the build's containers ({@code --memory}); 0 for no limit
 */
public record BuildOptions(List<String> services, boolean withDependencies, Map<String, Optional<String>> args,
                           boolean noCache, boolean pull, long memory) {
    public BuildOptions {
        services = List.copyOf(services);
        args = Map.copyOf(args);
    }

    /** Without a memory limit. */
    public BuildOptions(List<String> services, boolean withDependencies, Map<String, Optional<String>> args,
                        boolean noCache, boolean pull) {
        this(services, withDependencies, args, noCache, pull, 0);
    }

    public static BuildOptions defaults() {
        return new BuildOptions(List.of(), false, Map.of(), false, false);
    }
}
