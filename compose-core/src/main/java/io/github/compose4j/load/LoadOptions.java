package io.github.compose4j.load;

import java.util.List;

/**
 * What the loader does beyond parsing. The defaults give the fully resolved project every command
 * works on; {@code config} flags turn stages off.
 *
 * @param interpolate        replace {@code ${VAR}} expressions ({@code --no-interpolate} turns it off)
 * @param normalize          default network, resource names, implicit dependencies ({@code --no-normalize})
 * @param resolvePaths       make local paths absolute ({@code --no-path-resolution})
 * @param consistency        check cross references ({@code --no-consistency})
 * @param resolveEnvironment read {@code env_file}s into {@code environment}
 * @param discardEnvFiles    drop {@code env_file} once read
 * @param profiles           active profiles
 */
public record LoadOptions(boolean interpolate, boolean normalize, boolean resolvePaths, boolean consistency,
                          boolean resolveEnvironment, boolean discardEnvFiles, List<String> profiles) {

    public static final LoadOptions DEFAULT = new LoadOptions(true, true, true, true, true, true, List.of());

    public LoadOptions {
        profiles = List.copyOf(profiles);
    }

    /** The same options with path resolution and no normalization nor consistency check (included projects). */
    public LoadOptions forInclude() {
        return new LoadOptions(interpolate, false, true, false, resolveEnvironment, discardEnvFiles, profiles);
    }

    public LoadOptions withProfiles(List<String> newProfiles) {
        return new LoadOptions(interpolate, normalize, resolvePaths, consistency, resolveEnvironment, discardEnvFiles,
                newProfiles);
    }
}
