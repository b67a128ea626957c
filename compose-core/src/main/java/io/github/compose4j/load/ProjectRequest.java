package io.github.compose4j.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a command line (or a library caller) says about which project to load: Compose's
 * global flags plus the process context they are read in. Nothing here is read from the process
 * itself, so loading is reproducible in tests.
 *
 * @param configFiles      {@code -f} values in order ({@code -} is standard input)
 * @param projectName      {@code -p}
 * @param projectDirectory {@code --project-directory}
 * @param envFiles         {@code --env-file} values in order
 * @param profiles         {@code --profile} values
 * @param cwd              the working directory relative arguments are resolved against
 * @param osEnv            the process environment
 * @param home             the home directory ({@code $HOME}), for {@code ~} in paths
 * @param stdin            standard input, read only for {@code -f -}
 */
public record ProjectRequest(List<String> configFiles, Optional<String> projectName, Optional<String> projectDirectory,
                             List<String> envFiles, List<String> profiles, Path cwd, Map<String, String> osEnv,
                             Optional<String> home, Supplier<String> stdin) {
    public ProjectRequest {
        configFiles = List.copyOf(configFiles);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        osEnv = Map.copyOf(osEnv);
    }
}
