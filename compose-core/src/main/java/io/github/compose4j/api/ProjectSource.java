package io.github.compose4j.api;

import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.ProjectRequest;
import io.github.compose4j.load.tree.Warnings;
import io.github.compose4j.model.Project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a project comes from: compose files or inline YAML, the environment that interpolates them, the
 * active profiles and the project name; loaded exactly as {@code docker compose -f ... -p ... --profile ...}
 * loads them. Nothing is read from the process: the environment is whatever the caller passes (empty by
 * default), so a source gives the same project on every machine.
 *
 * <pre>{@code
 * ProjectSource source = ProjectSource.files(Path.of("src/test/resources/compose.yaml"))
 *         .withEnv(Map.of("TAG", "latest"))
 *         .withProfiles("debug")
 *         .withProjectName("orders-it");
 * }</pre>
 *
 * @param files            compose files in override order; empty when {@code inlineYaml} is given
 * @param inlineYaml       a compose document given as text (read as {@code -f -})
 * @param env              the variables interpolation sees (also {@code COMPOSE_PROFILES}, {@code COMPOSE_PROJECT_NAME}...)
 * @param profiles         profiles to enable
 * @param projectName      the project name; empty for Compose's default (the project directory's name)
 * @param workingDirectory what relative paths and the project directory are resolved against
 */
public record ProjectSource(List<Path> files, Optional<String> inlineYaml, Map<String, String> env,
                            List<String> profiles, Optional<String> projectName, Path workingDirectory) {
    public ProjectSource {
        files = List.copyOf(files);
        Objects.requireNonNull(inlineYaml);
        env = Map.copyOf(env);
        profiles = List.copyOf(profiles);
        Objects.requireNonNull(projectName);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        if (files.isEmpty() && inlineYaml.isEmpty()) {
            throw new IllegalArgumentException("a project needs compose files or inline YAML");
        }
    }

    /** The project of these compose files (the first one's directory is the project directory). */
    public static ProjectSource files(Path first, Path... more) {
        List<Path> all = new ArrayList<>();
        all.add(first.toAbsolutePath().normalize());
        for (Path p : more) {
            all.add(p.toAbsolutePath().normalize());
        }
        return new ProjectSource(all, Optional.empty(), Map.of(), List.of(), Optional.empty(),
                all.get(0).getParent() == null ? Path.of("/") : all.get(0).getParent());
    }

    /** The project of one compose document given as text; relative paths in it are resolved against {@code workingDirectory}. */
    public static ProjectSource yaml(String composeYaml, Path workingDirectory) {
        return new ProjectSource(List.of(), Optional.of(composeYaml), Map.of(), List.of(), Optional.empty(),
                workingDirectory);
    }

    /** This source with {@code env} as the interpolation environment. */
    public ProjectSource withEnv(Map<String, String> env) {
        return new ProjectSource(files, inlineYaml, env, profiles, projectName, workingDirectory);
    }

    /** This source with these profiles enabled. */
    public ProjectSource withProfiles(String... profiles) {
        return new ProjectSource(files, inlineYaml, env, List.of(profiles), projectName, workingDirectory);
    }

    /** This source under another project name (normalized by nothing: it must be a valid Compose project name). */
    public ProjectSource withProjectName(String name) {
        return new ProjectSource(files, inlineYaml, env, profiles, Optional.of(name), workingDirectory);
    }

    /**
     * Loads, interpolates, merges, validates and normalizes the project; warnings go to {@code warnings}.
     *
     * @throws io.github.compose4j.error.ComposeException when the project is invalid, with Compose's message
     */
    public Project load(Warnings warnings) {
        List<String> configFiles = inlineYaml.isPresent() ? List.of("-")
                : files.stream().map(Path::toString).toList();
        String home = env.getOrDefault("HOME", "");
        ProjectRequest request = new ProjectRequest(configFiles, projectName,
                inlineYaml.isPresent() ? Optional.of(workingDirectory.toString()) : Optional.empty(), List.of(),
                profiles, workingDirectory, env, Optional.of(home).filter(h -> !h.isEmpty()),
                () -> inlineYaml.orElse(""));
        return new ProjectLoader(request, warnings).load(LoadOptions.DEFAULT, List.of());
    }
}
